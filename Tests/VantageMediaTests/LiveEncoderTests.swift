import Foundation
import Testing
import VantageMedia

/// `LiveVideoEncoder`: one Annex B access unit per frame, keyframes with SPS/PPS, a codec string
/// read from the SPS, and units that the project's decoder (as a browser's would) turns back into the frames.
struct LiveEncoderTests {
    static let options = LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 100)
    static let frameCount = 20
    static let forcedKeyframe = 12

    /// Encodes `frameCount` frames of the moving pattern, forcing a keyframe at `forcedKeyframe`.
    static func encodePattern(_ options: LiveVideoEncoderOptions = options) throws -> (images: [RGBImage], units: [H264AccessUnit]) {
        _ = try TemporaryDirectory()  // quiets libx264's statistics
        let encoder = try LiveVideoEncoder(options: options, name: "test session")
        var images: [RGBImage] = [], units: [H264AccessUnit] = []
        for index in 0..<frameCount {
            let image = TestPattern.movingTexture(width: options.width, height: options.height, frameIndex: index)
            if index == forcedKeyframe { encoder.forceKeyframe() }
            images.append(image)
            units.append(try encoder.encode(image))
        }
        return (images, units)
    }

    @Test func everyFrameGivesOneAnnexBAccessUnitWithKeyframesWhereExpected() throws {
        let (_, units) = try Self.encodePattern()
        #expect(units.count == Self.frameCount)
        #expect(units.map(\.frameIndex) == (0..<Int64(Self.frameCount)).map { $0 })
        #expect(units.map(\.timestampMicroseconds) == (0..<Int64(Self.frameCount)).map { $0 * 40_000 })
        #expect(units.allSatisfy { $0.durationMicroseconds == 40_000 && $0.width == 320 && $0.height == 240 })
        for (index, unit) in units.enumerated() {
            let types = AnnexB.nalTypes(unit.bytes)
            #expect(unit.bytes.starts(with: [0, 0, 0, 1]) || unit.bytes.starts(with: [0, 0, 1]), "unit \(index) starts with a start code")
            let isKeyframe = index == 0 || index == Self.forcedKeyframe
            #expect(unit.isKeyframe == isKeyframe, "unit \(index)")
            if isKeyframe {
                // SPS, PPS, then the IDR slice (SEI may come between on the first one).
                #expect(types.first == 7 && types.contains(8) && types.contains(5), "keyframe \(index) NAL types \(types)")
            } else {
                #expect(!types.contains(7) && !types.contains(8) && !types.contains(5), "delta unit \(index) NAL types \(types)")
                #expect(types.contains(1), "delta unit \(index) has a non-IDR slice")
            }
        }
    }

    /// Decoded units resemble the input. Bound: crf 23 on this pattern measured 40.3 dB for the
    /// worst frame; 30 dB leaves room for other x264 versions, while a wrong plane order, stride or
    /// colour matrix drops far below 20 dB.
    @Test func unitsDecodeToTheFramesWithPacketDecoderAndFromAConcatenatedFile() throws {
        let (images, units) = try Self.encodePattern()
        let parameters = CodecParameters(codecName: "h264", extradata: [], width: 320, height: 240,
                                         pixelFormatName: "yuv420p", timeBase: MediaRational(1, 1_000_000))
        let decoder = try PacketDecoder(parameters, source: "live units")
        let packets = units.map {
            EncodedPacket(data: $0.bytes, presentationTimestamp: $0.timestampMicroseconds,
                          decodeTimestamp: $0.timestampMicroseconds, duration: $0.durationMicroseconds, isKeyframe: $0.isKeyframe)
        }
        var immediate = 0
        var frames: [DecodedFrame] = []
        for packet in packets {
            let out = try decoder.decode(packet)
            if out.count == 1 { immediate += 1 }
            frames += out
        }
        frames += try decoder.flush()
        #expect(immediate == units.count, "no reordering delay: each unit decodes to its frame at once")
        #expect(frames.count == Self.frameCount)
        #expect(frames.map(\.microseconds) == units.map(\.timestampMicroseconds))
        #expect(decoder.damagedPacketCount == 0)
        let converter = PixelConverter()
        var worst = Double.infinity
        for (frame, image) in zip(frames, images) {
            #expect(frame.width == 320 && frame.height == 240)
            worst = min(worst, ImageMetrics.psnr(try converter.rgbImage(from: frame), image))
        }
        print("live encoder 320x240 crf 23 veryfast: worst frame PSNR \(String(format: "%.1f", worst)) dB")
        #expect(worst > 30, "worst frame PSNR \(worst) dB")

        let directory = try TemporaryDirectory()
        let path = directory.path("units.h264")
        try Data(units.flatMap(\.bytes)).write(to: URL(fileURLWithPath: path))
        let reader = try MediaReader(path)
        #expect(reader.info.codecName == "h264")
        let fileFrames = try decodeAll(reader)
        #expect(fileFrames.count == Self.frameCount)
        #expect(fileFrames.allSatisfy { $0.width == 320 && $0.height == 240 })
    }

    /// The codec string is the SPS's own profile_idc, constraint byte and level_idc, and the level
    /// is the lowest of H.264 Table A-1 whose frame size and macroblock rate admit the stream.
    /// The profile is a ceiling: "ultrafast" uses no CABAC, so its stream is constrained baseline even when main is allowed.
    @Test(arguments: [
        (320, 240, 25, LiveVideoEncoderOptions.Profile.constrainedBaseline, "veryfast", "avc1.42C0"),
        (640, 360, 30, .main, "veryfast", "avc1.4D40"),
        (640, 360, 30, .main, "ultrafast", "avc1.42C0"),
    ])
    func codecStringMatchesTheSPS(width: Int, height: Int, rate: Int32, profile: LiveVideoEncoderOptions.Profile,
                                  preset: String, prefix: String) throws {
        let options = LiveVideoEncoderOptions(width: width, height: height, frameRate: MediaRational(rate, 1),
                                              preset: preset, profile: profile)
        _ = try TemporaryDirectory()
        let encoder = try LiveVideoEncoder(options: options)
        let unit = try encoder.encode(TestPattern.movingTexture(width: width, height: height, frameIndex: 0))
        let sps = try #require(AnnexB.nalUnits(unit.bytes).first { $0.first! & 0x1F == 7 })
        let hex = sps.dropFirst().prefix(3).map { String(format: "%02X", $0) }.joined()
        #expect(unit.codecString == "avc1." + hex)
        #expect(unit.codecString.hasPrefix(prefix), "\(unit.codecString) for \(profile) at \(preset)")
        let macroblocks = ((width + 15) / 16) * ((height + 15) / 16)
        let expectedLevel = try #require(H264Levels.lowest(frameMacroblocks: macroblocks, macroblocksPerSecond: macroblocks * Int(rate)))
        #expect(Int(sps[sps.startIndex + 3]) == expectedLevel, "level_idc of \(unit.codecString)")
        #expect(H264Bitstream.profileLevel(in: unit.bytes) == unit.profileLevel)
    }

    @Test func sizeChangeReopensWithAKeyframeAndKeepsCounting() throws {
        _ = try TemporaryDirectory()
        let encoder = try LiveVideoEncoder(options: Self.options)
        let decoder = try PacketDecoder(CodecParameters(codecName: "h264", extradata: [], width: 0, height: 0,
                                                        pixelFormatName: "unknown", timeBase: MediaRational(1, 1_000_000)))
        var sizes: [String] = []
        for (index, size) in [(320, 240), (320, 240), (160, 120), (160, 120), (320, 240)].enumerated() {
            let unit = try encoder.encode(TestPattern.movingTexture(width: size.0, height: size.1, frameIndex: index))
            #expect(unit.frameIndex == Int64(index))
            #expect(unit.width == size.0 && unit.height == size.1)
            #expect(unit.isKeyframe == [0, 2, 4].contains(index), "unit \(index)")
            if unit.isKeyframe { #expect(AnnexB.nalTypes(unit.bytes).first == 7) }
            let frames = try decoder.decode(EncodedPacket(data: unit.bytes, presentationTimestamp: unit.timestampMicroseconds,
                                                          decodeTimestamp: nil, duration: 0, isKeyframe: unit.isKeyframe))
            sizes += frames.map { "\($0.width)x\($0.height)" }
        }
        sizes += try decoder.flush().map { "\($0.width)x\($0.height)" }
        #expect(sizes == ["320x240", "320x240", "160x120", "160x120", "320x240"])
        #expect(throws: MediaError.self) { try encoder.encode(RGBImage(width: 161, height: 120)) }
    }

    @Test func callerTimestampsPassThrough() throws {
        _ = try TemporaryDirectory()
        let encoder = try LiveVideoEncoder(options: Self.options)
        let image = TestPattern.movingTexture(width: 320, height: 240, frameIndex: 0)
        #expect(try encoder.encode(image, timestampMicroseconds: 5_000_123).timestampMicroseconds == 5_000_123)
        #expect(try encoder.encode(image).timestampMicroseconds == 40_000, "the frame clock when none is given")
    }

    @Test func invalidOptionsGiveOneLineErrors() {
        var cases: [LiveVideoEncoderOptions] = []
        cases.append(LiveVideoEncoderOptions(width: 321, height: 240, frameRate: MediaRational(25, 1)))
        cases.append(LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(0, 1)))
        cases.append(LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), preset: "warp"))
        cases.append(LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), bitrate: 0))
        cases.append(LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), threadCount: -1))
        cases.append(LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 0))
        for options in cases {
            do {
                _ = try LiveVideoEncoder(options: options, name: "viewer 7")
                Issue.record("accepted \(options)")
            } catch {
                guard case .invalidOption = error else { Issue.record("not invalidOption: \(error)"); continue }
                #expect(error.description.hasPrefix("viewer 7: invalid "), "\(error)")
                #expect(!error.description.contains("\n"))
            }
        }
    }

    /// Prints the time per 1280×720 frame (conversion from RGB included); asserts nothing about it.
    @Test func printsEncodeTimeAt720p() throws {
        _ = try TemporaryDirectory()
        let images = (0..<4).map { TestPattern.movingTexture(width: 1280, height: 720, frameIndex: $0) }
        for preset in ["ultrafast", "veryfast"] {
            let options = LiveVideoEncoderOptions(width: 1280, height: 720, frameRate: MediaRational(30, 1), preset: preset)
            let clock = ContinuousClock()
            var encoder: LiveVideoEncoder?
            let creation = try clock.measure { encoder = try LiveVideoEncoder(options: options) }
            let frames = 24
            var bytes = 0
            let encoding = try clock.measure {
                for index in 0..<frames { bytes += try encoder!.encode(images[index % images.count]).bytes.count }
            }
            let perFrame = encoding / frames
            print("live encoder 1280x720 \(preset) zerolatency, 1 thread: created in \(creation), \(perFrame) per frame, \(bytes / frames) bytes per frame")
        }
    }
}

/// Annex B NAL units found independently of the library's parser.
enum AnnexB {
    static func nalUnits(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let starts = (0..<max(bytes.count - 2, 0)).filter { bytes[$0] == 0 && bytes[$0 + 1] == 0 && bytes[$0 + 2] == 1 }.map { $0 + 3 }
        return zip(starts, starts.dropFirst().map { $0 - 3 } + [bytes.count]).map { bytes[$0..<$1] }
    }

    static func nalTypes(_ bytes: [UInt8]) -> [UInt8] { nalUnits(bytes).map { $0.first! & 0x1F } }
}

/// H.264 Table A-1 (frame size in macroblocks, macroblocks per second) for the levels used here.
enum H264Levels {
    static let limits: [(level: Int, maxFrame: Int, maxRate: Int)] = [
        (10, 99, 1_485), (11, 396, 3_000), (12, 396, 6_000), (13, 396, 11_880), (20, 396, 11_880),
        (21, 792, 19_800), (22, 1_620, 20_250), (30, 1_620, 40_500), (31, 3_600, 108_000),
        (32, 5_120, 216_000), (40, 8_192, 245_760), (41, 8_192, 245_760), (42, 8_704, 522_240),
    ]

    static func lowest(frameMacroblocks: Int, macroblocksPerSecond: Int) -> Int? {
        limits.first { frameMacroblocks <= $0.maxFrame && macroblocksPerSecond <= $0.maxRate }?.level
    }
}

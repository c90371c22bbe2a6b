import Testing
import VantageMedia

/// Encode a synthetic 1280×720 clip with libx264, mux it, read it back.
struct VideoRoundTripTests {
    static let options = VideoWriterOptions(width: 1280, height: 720, frameRate: MediaRational(25, 1), crf: 18, preset: "fast")
    static let frameCount = 30

    @Test(arguments: [("clip.mp4", ContainerFormat.mp4), ("clip.ts", .mpegTS), ("clip-fragmented.mp4", .fragmentedMP4)])
    func roundTripKeepsFramesTimesAndQuality(name: String, container: ContainerFormat) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(name)
        let sources = try writePatternClip(to: path, options: Self.options, count: Self.frameCount, container: container)
        #expect(try directory.contents() == [name], "no temporary file left beside the result")

        let reader = try MediaReader(path)
        #expect(reader.info.codecName == "h264")
        #expect(reader.info.width == 1280 && reader.info.height == 720)
        #expect(reader.info.frameRate == MediaRational(25, 1))
        let frames = try decodeAll(reader)
        #expect(frames.count == Self.frameCount)
        let expectedMicroseconds: [Int64] = (0..<Int64(frames.count)).map { $0 * 40_000 }
        #expect(frames.map(\.microseconds) == expectedMicroseconds)
        #expect(zip(frames, 0...).allSatisfy { frame, index in abs(frame.seconds - Double(index) / 25) < 1e-9 })

        let converter = PixelConverter()
        var worstPSNR = Double.infinity
        for (frame, source) in zip(frames, sources) {
            worstPSNR = min(worstPSNR, ImageMetrics.psnr(try converter.rgbImage(from: frame), source))
        }
        #expect(worstPSNR > 40, "worst frame PSNR \(worstPSNR) dB")
    }

    @Test func seekInEncodedClipFindsExactFrame() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("gop.mp4")
        var options = Self.options
        options.gopSize = 10
        try writePatternClip(to: path, options: options, count: Self.frameCount)
        let reader = try MediaReader(path)
        let frame = try #require(try reader.seek(toSeconds: 17.0 / 25))
        #expect(frame.microseconds == 680_000)
        #expect(try reader.seek(toSeconds: 17.0 / 25 + 0.015)?.microseconds == 680_000, "within the frame's display time")
        #expect(try reader.seek(toSeconds: -1)?.microseconds == 0, "before the start: first frame")
        #expect(try reader.seek(toSeconds: 99)?.microseconds == 29 * 40_000, "past the end: last frame")
    }

    @Test func writerRejectsFramesOfTheWrongSize() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("sizes.mp4")
        let writer = try VideoWriter(path: path, options: Self.options)
        #expect(throws: MediaError.self) { try writer.append(RGBImage(width: 640, height: 360)) }
    }

    @Test func abandonedWriterLeavesNoFile() throws {
        let directory = try TemporaryDirectory()
        do {
            let writer = try VideoWriter(path: directory.path("abandoned.mp4"), options: Self.options)
            try writer.append(TestPattern.movingTexture(width: 1280, height: 720, frameIndex: 0))
            #expect(try directory.contents().count == 1, "only the hidden temporary file while writing")
            #expect(try directory.contents().allSatisfy { $0.hasPrefix(".abandoned.mp4.partial-") })
        }
        #expect(try directory.contents().isEmpty)
    }
}

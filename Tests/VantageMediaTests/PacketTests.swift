import Testing
import VantageMedia
import VantageTestSupport

/// `PacketReader` and `PacketDecoder` on the real captures in ../shared/data; disabled, with a
/// printed notice, when the folder is absent.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data beside the package root"))
struct PacketTests {
    static let pose2sim = ["cam01.mp4", "cam02.mp4", "cam03.mp4", "cam04.mp4"].map { "pose2sim-single/videos/\($0)" }
    static let caliscope = "caliscope-charuco/cam_0.mp4"

    @Test(arguments: zip(pose2sim, ["h264", "vp9", "h264", "h264"]))
    func pose2simCameraYieldsItsVideoPackets(relativePath: String, codec: String) throws {
        let path = SharedData.path(relativePath)
        let reader = try PacketReader(path)
        let packets = try readAll(reader)
        #expect(packets.count == 100)
        #expect(try reader.nextPacket() == nil, "a finished reader stays finished")
        #expect(reader.info == (try MediaReader(path).info))
        let parameters = reader.codecParameters
        #expect(parameters.codecName == codec)
        #expect(parameters.width == reader.info.width && parameters.height == 1920)
        #expect(parameters.pixelFormatName == "yuv420p")
        #expect(parameters.timeBase == MediaRational(1, 15360))
        #expect(reader.startTimestamp == 0)
        #expect(packets.first?.isKeyframe == true)
        let times = packets.compactMap(\.presentationTimestamp).sorted().map(reader.clock.microsecondsFromStart)
        let sixtyFPS: [Int64] = (0..<100).map { (Int64($0) * 1_000_000 + 30) / 60 }
        #expect(times == sixtyFPS, "frame times from 0 at 60 fps, in presentation order")
        #expect(packets.allSatisfy { $0.duration == 256 }, "one 60 fps frame period in 1/15360 s")
        expectWellFormed(packets, parameters: parameters)
    }

    @Test func caliscopeMpeg4YieldsItsPackets() throws {
        let reader = try PacketReader(SharedData.path(Self.caliscope))
        let packets = try readAll(reader)
        #expect(reader.codecParameters.codecName == "mpeg4")
        #expect(reader.codecParameters.width == 1280 && reader.codecParameters.height == 720)
        #expect(packets.count == 111)
        #expect(packets.filter(\.isKeyframe).count == 10)
        expectWellFormed(packets, parameters: reader.codecParameters)
    }

    /// Sizes, keyframe flags and timestamps as ffprobe lists them, and the bytes as ffmpeg copies them.
    @Test(.enabled(if: FFmpegTools.isAvailable, "needs ffprobe and ffmpeg on PATH"), arguments: pose2sim + [caliscope])
    func packetsMatchFFprobeAndFFmpeg(relativePath: String) throws {
        let path = SharedData.path(relativePath)
        let reader = try PacketReader(path)
        let packets = try readAll(reader)
        let probed = try FFmpegTools.probePackets(path, streamIndex: reader.info.streamIndex)
        #expect(packets.count == probed.count)
        #expect(packets.map(\.data.count) == probed.map(\.size))
        #expect(packets.map(\.isKeyframe) == probed.map(\.isKeyframe))
        #expect(packets.map(\.presentationTimestamp) == probed.map(\.presentationTimestamp))
        #expect(packets.map(\.decodeTimestamp) == probed.map(\.decodeTimestamp))
        let copied = try FFmpegTools.copiedStreamBytes(path, streamIndex: reader.info.streamIndex)
        let concatenated = packets.flatMap(\.data)
        let identical = concatenated == copied  // compared outside #expect, which would print both arrays
        #expect(identical, "our \(concatenated.count) bytes are not ffmpeg's \(copied.count) copied bytes")
    }

    /// Every packet through `PacketDecoder` gives the frames `MediaReader` decodes from the file:
    /// same count, timestamps, times and RGB pixels.
    @Test(arguments: [(pose2sim[0], 1), (pose2sim[1], 1), (pose2sim[0], 0), (caliscope, 1)])
    func packetDecoderMatchesMediaReader(relativePath: String, threadCount: Int) throws {
        let path = SharedData.path(relativePath)
        let reader = try PacketReader(path)
        let decoder = try PacketDecoder(reader.codecParameters, startTimestamp: reader.startTimestamp, threadCount: threadCount)
        let frames = try decodeAll(try readAll(reader), with: decoder)
        let expected = try decodeAll(MediaReader(path))
        #expect(frames.count == reader.info.frameCount)
        #expect(decoder.damagedPacketCount == 0)
        try expectSameFrames(frames, expected)
    }

    /// The packets are delimited and flagged as their own bytes say (no FFmpeg involved in the check).
    private func expectWellFormed(_ packets: [EncodedPacket], parameters: CodecParameters) {
        let misread = packets.indices.filter { !BitstreamFacts.isWellFormed(packets[$0], parameters: parameters) }
        #expect(misread.isEmpty, "\(misread.count) of \(packets.count) packets are not whole or wrongly flagged, first \(misread.prefix(5))")
    }
}

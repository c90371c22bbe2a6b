import Testing
import VantageMedia

/// Packets of freshly written clips through `PacketReader` and `PacketDecoder` (no shared data needed).
struct PacketRoundTripTests {
    static let options = VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 5)

    /// MPEG-TS starts at 1.4 s: times still count from the stream's start, as `MediaReader`'s do.
    @Test(arguments: [ContainerFormat.mp4, .mpegTS, .matroska, .fragmentedMP4])
    func decodedPacketsMatchMediaReader(container: ContainerFormat) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(container == .mpegTS ? "clip.ts" : container == .matroska ? "clip.mkv" : "clip.mp4")
        try writePatternClip(to: path, options: Self.options, count: 30, container: container)
        let reader = try PacketReader(path)
        #expect(reader.codecParameters.codecName == "h264")
        #expect(container != .mpegTS || reader.startTimestamp > 0, "MPEG-TS timestamps start late")
        let packets = try readAll(reader)
        #expect(packets.count == 30)
        #expect(packets.filter(\.isKeyframe).count == 6, "a keyframe every 5 frames")
        let decoder = try PacketDecoder(reader.codecParameters, startTimestamp: reader.startTimestamp)
        let frames = try decodeAll(packets, with: decoder)
        #expect(frames.first?.microseconds == 0)
        try expectSameFrames(frames, decodeAll(MediaReader(path)))
    }

    /// After `flush()` the decoder starts again at any keyframe, as after a seek in the replay store.
    @Test func flushedDecoderRestartsAtALaterKeyframe() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("clip.mkv")
        try writePatternClip(to: path, options: Self.options, count: 30)
        let reader = try PacketReader(path)
        let packets = try readAll(reader)
        let expected = try decodeAll(MediaReader(path))
        let keyframes = packets.indices.filter { packets[$0].isKeyframe }
        try #require(keyframes.count == 6)
        // Two whole GOPs, then (after a flush) from the fifth GOP on; B-frames make decode order differ from presentation order.
        let sent = [Array(packets[..<keyframes[2]]), Array(packets[keyframes[4]...])]
        let decoder = try PacketDecoder(reader.codecParameters, startTimestamp: reader.startTimestamp)
        let frames = try decodeAll(sent[0], with: decoder) + decodeAll(sent[1], with: decoder)
        let sentTimes = Set(sent.joined().compactMap(\.presentationTimestamp))
        #expect(sentTimes.count == 20)
        try expectSameFrames(frames, expected.filter { sentTimes.contains($0.timestamp) })
    }

    @Test(arguments: [("mpeg4", "clip.avi"), ("libvpx-vp9", "clip.mkv")])
    func otherCodecsDecodeLikeMediaReader(encoderName: String, fileName: String) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(fileName)
        var options = Self.options
        options.encoderName = encoderName
        try writePatternClip(to: path, options: options, count: 20)
        let reader = try PacketReader(path)
        let decoder = try PacketDecoder(reader.codecParameters, startTimestamp: reader.startTimestamp)
        let frames = try decodeAll(try readAll(reader), with: decoder)
        #expect(frames.count == 20)
        try expectSameFrames(frames, decodeAll(MediaReader(path)))
    }

    @Test func streamClockCountsFromTheStart() {
        let clock = StreamClock(timeBase: MediaRational(1, 90_000), startTimestamp: 126_000)
        #expect(clock.microsecondsFromStart(126_000) == 0)
        #expect(clock.microsecondsFromStart(129_003) == 33_367, "3003/90000 s, rounded to the nearest microsecond")
        #expect(clock.microsecondsFromStart(36_000) == -1_000_000, "before the start")
        #expect(clock.secondsFromStart(216_000) == 1)
    }
}

import Foundation
import Testing
import VantageMedia

/// `StreamWriter`: a stream written to a sink, saved and read back as a file; a sink that fails.
struct StreamWriterTests {
    static let options = LiveVideoEncoderOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 25)

    /// Collects what a writer hands out, and how much had arrived when.
    final class CollectingSink {
        var chunks: [[UInt8]] = []
        var bytes: Int { chunks.reduce(0) { $0 + $1.count } }
        func receive(_ chunk: [UInt8]) { chunks.append(chunk) }
    }

    struct ClientWentAway: Error, CustomStringConvertible {
        var description: String { "client went away" }
    }

    @Test(arguments: [(ContainerFormat.mpegTS, "stream.ts", 50), (.fragmentedMP4, "stream.mp4", 30)])
    func streamReadsBackWithEveryFrameAndItsTimes(container: ContainerFormat, fileName: String, frameCount: Int) throws {
        let directory = try TemporaryDirectory()
        let sink = CollectingSink()
        let writer = try StreamWriter(container: container, options: Self.options, name: "test stream", sink: sink.receive)
        let headerBytes = sink.bytes
        // MPEG-TS sends its tables (PAT, PMT) with the first frame; fragmented MP4 its moov at once.
        #expect(container == .mpegTS ? headerBytes == 0 : headerBytes > 0, "header: \(headerBytes) bytes")
        var images: [RGBImage] = []
        var bytesAfterFirstFrame = 0
        for index in 0..<frameCount {
            let image = TestPattern.movingTexture(width: 320, height: 240, frameIndex: index)
            images.append(image)
            try writer.append(image)
            if index == 0 { bytesAfterFirstFrame = sink.bytes }
        }
        let bytesBeforeFinish = sink.bytes
        try writer.finish()
        #expect(writer.frameCount == frameCount)
        #expect(writer.bytesWritten == sink.bytes)
        #expect(sink.chunks.allSatisfy { !$0.isEmpty && $0.count <= 32 * 1024 })
        if container == .mpegTS {
            #expect(bytesAfterFirstFrame > headerBytes, "the first frame is out before the second is appended")
            #expect(bytesBeforeFinish > sink.bytes * 9 / 10, "nearly everything is out before finish()")
            #expect(sink.chunks.allSatisfy { $0.count % 188 == 0 && $0.first == 0x47 }, "whole 188-byte TS packets")
            let stream = Array(sink.chunks.joined())
            let patPackets = stride(from: 0, to: stream.count, by: 188).filter { stream[$0 + 1] & 0x1F == 0 && stream[$0 + 2] == 0 }
            #expect(patPackets.count >= 15, "PAT about every 0.1 s, so a player can join: \(patPackets.count) in 2 s")
        } else {
            #expect(bytesBeforeFinish > headerBytes, "fragments go out at keyframes, before finish()")
        }

        let path = directory.path(fileName)
        try Data(sink.chunks.joined()).write(to: URL(fileURLWithPath: path))
        let reader = try MediaReader(path)
        #expect(reader.info.codecName == "h264")
        #expect(reader.info.width == 320 && reader.info.height == 240)
        #expect(reader.info.frameRate == MediaRational(25, 1))
        let duration = try #require(reader.info.durationSeconds)
        #expect(abs(duration - Double(frameCount) / 25) < 0.05, "duration \(duration) s")
        let frames = try decodeAll(reader)
        #expect(frames.count == frameCount)
        #expect(frames.map(\.microseconds) == (0..<Int64(frameCount)).map { $0 * 40_000 })
        let converter = PixelConverter()
        var worst = Double.infinity
        for (frame, image) in zip(frames, images) {
            worst = min(worst, ImageMetrics.psnr(try converter.rgbImage(from: frame), image))
        }
        #expect(worst > 30, "worst frame PSNR \(worst) dB (see LiveEncoderTests for the bound)")

        let packets = try readAll(PacketReader(path))
        #expect(packets.count == frameCount)
        #expect(packets.filter(\.isKeyframe).count == (frameCount + 24) / 25, "a keyframe every 25 frames")
        if FFmpegTools.isAvailable {
            #expect(try FFmpegTools.probePackets(path, streamIndex: 0).count == frameCount, "ffprobe counts the same")
        }
    }

    /// An endless stream joined late (the bytes from frame 20 on, as a client connecting to a shared
    /// stream would get them): tables and SPS/PPS repeat, so playback starts at the next keyframe (25).
    @Test func mpegTSJoinedMidStreamPlaysFromTheNextKeyframe() throws {
        let directory = try TemporaryDirectory()
        let sink = CollectingSink()
        let writer = try StreamWriter(options: Self.options, name: "shared stream", sink: sink.receive)
        var images: [RGBImage] = []
        var joinOffset = 0
        for index in 0..<50 {
            if index == 20 { joinOffset = sink.bytes }
            images.append(TestPattern.movingTexture(width: 320, height: 240, frameIndex: index))
            try writer.append(images[index])
        }
        try writer.finish()
        let path = directory.path("joined.ts")
        try Data(Array(sink.chunks.joined())[joinOffset...]).write(to: URL(fileURLWithPath: path))
        let reader = try MediaReader(path)
        #expect(reader.info.width == 320 && reader.info.height == 240)
        let frames = try decodeAll(reader)
        #expect(frames.count == 25, "frames 25 to 49")
        let first = try #require(frames.first)
        #expect(first.isKeyframe)
        #expect(ImageMetrics.psnr(try PixelConverter().rgbImage(from: first), images[25]) > 30, "the first picture is frame 25")
    }

    /// The sink throws on its third call: a typed error naming the stream and the sink's error,
    /// the writer stops (no more calls to the sink), and releasing it is clean.
    @Test(arguments: [ContainerFormat.mpegTS, .fragmentedMP4])
    func throwingSinkStopsTheWriter(container: ContainerFormat) throws {
        _ = try TemporaryDirectory()
        var calls = 0
        var firstError: MediaError?
        do {
            let writer = try StreamWriter(container: container, options: Self.options, name: "client 42") { _ in
                calls += 1
                if calls == 3 { throw ClientWentAway() }
            }
            for index in 0..<50 {
                do {
                    try writer.append(TestPattern.movingTexture(width: 320, height: 240, frameIndex: index))
                } catch {
                    firstError = error
                    break
                }
            }
            if firstError == nil {
                do { try writer.finish() } catch { firstError = error }
            }
            let error = try #require(firstError, "the sink's failure reaches the caller")
            guard case .operationFailed = error else { Issue.record("expected operationFailed, got \(error)"); return }
            #expect(error.description.hasPrefix("client 42: sending "), "\(error)")
            #expect(error.description.contains("client went away"))
            #expect(!error.description.contains("\n"))
            #expect(writer.sinkError is ClientWentAway)
            #expect(throws: error) { try writer.append(TestPattern.movingTexture(width: 320, height: 240, frameIndex: 0)) }
            #expect(throws: error) { try writer.finish() }
        }
        #expect(calls == 3, "nothing reaches the sink after it threw")
    }

    @Test func invalidOptionsAndFramesGiveOneLineErrors() throws {
        func expectInvalid(_ build: () throws -> Void, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            do {
                try build()
                Issue.record("accepted", sourceLocation: sourceLocation)
            } catch let error as MediaError {
                guard case .invalidOption = error else { Issue.record("not invalidOption: \(error)", sourceLocation: sourceLocation); return }
                #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
                #expect(error.description.hasPrefix("http client: invalid "), sourceLocation: sourceLocation)
                #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
            } catch {
                Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            }
        }
        _ = try TemporaryDirectory()
        expectInvalid({ _ = try StreamWriter(container: .mp4, options: Self.options, name: "http client") { _ in } }, "container 'mp4'")
        var odd = Self.options
        odd.height = 241
        expectInvalid({ _ = try StreamWriter(options: odd, name: "http client") { _ in } }, "size 320x241")
        var slow = Self.options
        slow.preset = "glacial"
        expectInvalid({ _ = try StreamWriter(options: slow, name: "http client") { _ in } }, "preset 'glacial'")
        let writer = try StreamWriter(options: Self.options, name: "http client") { _ in }
        expectInvalid({ try writer.append(RGBImage(width: 640, height: 480)) }, "frame size 640x480")
    }
}

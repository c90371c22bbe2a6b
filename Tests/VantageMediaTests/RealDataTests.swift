import Testing
import VantageMedia
import VantageTestSupport

/// Decoding the real captures in ../shared/data; disabled, with a printed notice, when the folder is absent.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared/data beside the package root"))
struct RealDataTests {
    @Test(arguments: [
        ("cam01.mp4", 1080, "h264"), ("cam02.mp4", 1080, "vp9"), ("cam03.mp4", 1088, "h264"), ("cam04.mp4", 1088, "h264"),
    ])
    func pose2simCameraDecodesAllFrames(name: String, width: Int, codec: String) throws {
        let reader = try MediaReader(SharedData.path("pose2sim-single/videos/\(name)"))
        #expect(reader.info.codecName == codec)
        #expect(reader.info.width == width && reader.info.height == 1920)
        #expect(reader.info.frameRate == MediaRational(60, 1) && reader.info.framesPerSecond == 60)
        #expect(reader.info.frameCount == 100)
        let frames = try decodeAll(reader)
        #expect(frames.count == 100)
        #expect(frames.allSatisfy { $0.width == width && $0.height == 1920 })
        let expectedMicroseconds: [Int64] = (0..<100).map { (Int64($0) * 1_000_000 + 30) / 60 }
        #expect(frames.map(\.microseconds) == expectedMicroseconds)
    }

    @Test func caliscopeMpeg4Decodes() throws {
        let reader = try MediaReader(SharedData.path("caliscope-charuco/cam_0.mp4"))
        #expect(reader.info.codecName == "mpeg4")
        #expect(reader.info.width == 1280 && reader.info.height == 720)
        #expect(reader.info.frameCount == 111)
        let frames = try decodeAll(reader)
        #expect(frames.count == 111)
        let converter = PixelConverter()
        let last = try converter.rgbImage(from: try #require(frames.last))
        #expect(last.width == 1280 && last.height == 720)
    }

    /// Seeking to frame k's time returns frame k, pixel-identical to sequential decoding.
    @Test(arguments: ["pose2sim-single/videos/cam01.mp4", "pose2sim-single/videos/cam02.mp4"])
    func seekReturnsTheSequentialFrame(relativePath: String) throws {
        let path = SharedData.path(relativePath)
        let converter = PixelConverter()
        let sequential = try decodeAll(MediaReader(path))
        let reader = try MediaReader(path)
        for index in [73, 0, 99, 31, 32] {
            let expected = sequential[index]
            let found = try #require(try reader.seek(toSeconds: expected.seconds))
            #expect(found.timestamp == expected.timestamp, "frame \(index)")
            #expect(try converter.rgbImage(from: found) == converter.rgbImage(from: expected), "frame \(index)")
        }
        // After a seek, sequential reading continues with the next frame.
        _ = try reader.seek(toSeconds: sequential[50].seconds + 0.004)
        #expect(try reader.nextFrame()?.timestamp == sequential[51].timestamp)
    }
}

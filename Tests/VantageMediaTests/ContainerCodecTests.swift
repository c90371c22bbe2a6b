import Foundation
import Testing
import VantageMedia

/// Every container × codec pair the product must read, written with our own writer and read back:
/// frame count, size, codec and exact seeking.
struct ContainerCodecTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fileName: String
        var encoderName: String
        var decodedCodecName: String
        var testDescription: String { "\(fileName) (\(encoderName))" }
    }

    static let cases = [
        Case(fileName: "h264.mov", encoderName: "libx264", decodedCodecName: "h264"),
        Case(fileName: "h264.mkv", encoderName: "libx264", decodedCodecName: "h264"),
        Case(fileName: "hevc.mp4", encoderName: "libx265", decodedCodecName: "hevc"),
        Case(fileName: "hevc.mkv", encoderName: "libx265", decodedCodecName: "hevc"),
        Case(fileName: "vp9.mkv", encoderName: "libvpx-vp9", decodedCodecName: "vp9"),
        Case(fileName: "mpeg4.avi", encoderName: "mpeg4", decodedCodecName: "mpeg4"),
        Case(fileName: "mpeg4.mp4", encoderName: "mpeg4", decodedCodecName: "mpeg4"),
    ]

    @Test(arguments: cases)
    func writeThenRead(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(testCase.fileName)
        let options = VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 6,
                                         encoderName: testCase.encoderName)
        let images = try writePatternClip(to: path, options: options, count: 15)

        let reader = try MediaReader(path)
        #expect(reader.info.codecName == testCase.decodedCodecName)
        #expect(reader.info.width == 320 && reader.info.height == 240)
        let frames = try decodeAll(reader)
        #expect(frames.count == 15)
        #expect(frames.map(\.microseconds) == (0..<15).map { Int64($0) * 40_000 })

        let converter = PixelConverter()
        let sequential = try converter.rgbImage(from: frames[9])
        #expect(ImageMetrics.psnr(sequential, images[9]) > 28, "frame 9 resembles its source")
        let seeker = try MediaReader(path)
        let sought = try #require(try seeker.seek(toSeconds: 0.36))
        #expect(sought.microseconds == 360_000)
        #expect(try converter.rgbImage(from: sought) == sequential, "seeking decodes the same pixels")
    }

    /// URLs go through the same libavformat path as files: here the `file:` protocol.
    @Test func urlOpensLikeAFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("clip.mp4")
        try writePatternClip(to: path, options: VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(25, 1)), count: 5)
        let reader = try MediaReader("file:" + path)
        #expect(try decodeAll(reader).count == 5)
        #expect(reader.source == "file:" + path)
    }
}

import Foundation
import Testing
import VantageMedia
import VantageTestSupport

/// Every bad input gives a one-line `MediaError` that names the file; nothing crashes.
struct BadInputTests {
    @Test func missingFile() throws {
        let path = try TemporaryDirectory().path("x.mp4")
        let error = try #require(throws: MediaError.self) { try MediaReader(path) }
        #expect(error == .cannotOpen(source: path, reason: "No such file or directory"))
        #expect(error.description == "\(path): cannot open: No such file or directory")
    }

    @Test func garbageFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("garbage.mp4")
        var generator = SplitMix64(state: 42)
        try (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }.write(to: path)
        let error = try #require(throws: MediaError.self) { try MediaReader(path) }
        #expect(error.description ==
            "\(path): not a media file libavformat can read (Invalid data found when processing input)")
    }

    @Test func fileWithoutVideoStream() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("tone.wav")
        try wavFile(sampleCount: 8000).write(to: path)
        let error = try #require(throws: MediaError.self) { try MediaReader(path) }
        #expect(error == .noVideoStream(source: path))
        #expect(error.description == "\(path): no video stream (expected a file with at least one video stream)")
    }

    @Test func unknownEncoder() throws {
        let path = try TemporaryDirectory().path("out.mp4")
        let options = VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(25, 1), encoderName: "no-such-encoder")
        let error = try #require(throws: MediaError.self) { try VideoWriter(path: path, options: options) }
        #expect(error.description == "\(path): unsupported codec 'no-such-encoder': no encoder for it in this FFmpeg build")
    }

    @Test func unwritableOutputLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        try Array("a file, not a folder".utf8).write(to: directory.path("notes.txt"))
        let path = directory.path("notes.txt/out.mp4")
        let options = VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(25, 1))
        let error = try #require(throws: MediaError.self) { try VideoWriter(path: path, options: options) }
        #expect(error.description == "\(path): cannot open: Not a directory")
        #expect(try directory.contents() == ["notes.txt"])
    }

    @Test(arguments: [
        (VideoWriterOptions(width: 0, height: 0, frameRate: MediaRational(25, 1)), "invalid size 0x0"),
        (VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(0, 1)), "invalid frame rate 0/1"),
        (VideoWriterOptions(width: 65, height: 64, frameRate: MediaRational(25, 1)), "invalid size 65x64"),
        (VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(25, 1), preset: "warp"), "invalid preset 'warp'"),
        (VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(25, 1), crf: 60), "invalid crf 60.0"),
    ])
    func invalidWriterOptions(options: VideoWriterOptions, message: String) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("out.mp4")
        let error = try #require(throws: MediaError.self) { try VideoWriter(path: path, options: options) }
        #expect(error.description.hasPrefix("\(path): \(message) (expected "))
        #expect(try directory.contents().isEmpty)
    }

    @Test func unknownContainerExtension() throws {
        let path = try TemporaryDirectory().path("clip.flv")
        let options = VideoWriterOptions(width: 64, height: 64, frameRate: MediaRational(25, 1))
        let error = try #require(throws: MediaError.self) { try VideoWriter(path: path, options: options) }
        #expect(error.description.hasPrefix("\(path): invalid file extension '.flv'"))
    }

    /// The first 30% of a freshly written clip: an error naming the file, or fewer frames; never a crash.
    @Test(arguments: [ContainerFormat.mp4, .mpegTS, .fragmentedMP4])
    func truncatedFreshClip(container: ContainerFormat) throws {
        let directory = try TemporaryDirectory()
        let full = directory.path("full.\(container == .mpegTS ? "ts" : "mp4")")
        let options = VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 5)
        try writePatternClip(to: full, options: options, count: 40, container: container)
        try expectTruncatedCopyFailsCleanly(of: full, fullFrameCount: 40, in: directory)
    }

    /// Garbage over a stretch in the middle of an MP4's media data (as a bad disk sector would leave
    /// it): H.264 packets with broken NAL sizes are rejected by the decoder; they are counted and
    /// skipped, and the frames after the damage still decode.
    @Test func corruptedMiddleKeepsTheRest() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("damaged.mp4")
        let options = VideoWriterOptions(width: 320, height: 240, frameRate: MediaRational(25, 1), gopSize: 5)
        try writePatternClip(to: path, options: options, count: 40)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = SplitMix64(state: 7)
        for index in (bytes.count * 40 / 100)..<(bytes.count * 50 / 100) {
            bytes[index] = UInt8.random(in: 0...255, using: &generator)
        }
        try bytes.write(to: path)
        let reader = try MediaReader(path)
        let frames = try decodeAll(reader)
        #expect(reader.damagedPacketCount > 0)
        #expect(frames.count >= 20, "decoded \(frames.count) of 40 frames around a 10% damaged stretch")
        #expect(frames.last.map { $0.microseconds >= 1_400_000 } == true, "frames after the damage decode too")
    }

    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func truncatedRealClip() throws {
        try expectTruncatedCopyFailsCleanly(
            of: SharedData.path("pose2sim-single/videos/cam01.mp4"), fullFrameCount: 100, in: TemporaryDirectory())
    }

    private func expectTruncatedCopyFailsCleanly(of path: String, fullFrameCount: Int, in directory: TemporaryDirectory) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let truncated = directory.path("truncated-" + URL(fileURLWithPath: path).lastPathComponent)
        try Array(bytes.prefix(bytes.count * 3 / 10)).write(to: truncated)
        var decoded = 0
        do {
            let reader = try MediaReader(truncated)
            while try reader.nextFrame() != nil { decoded += 1 }
            #expect(decoded < fullFrameCount)
            #expect(try reader.nextFrame() == nil, "a finished reader stays finished")
        } catch {
            #expect(error.description.hasPrefix(truncated + ": "), "\(error)")
        }
    }

    /// A mono 16-bit PCM WAV file of silence: a valid media file with no video.
    private func wavFile(sampleCount: Int) -> [UInt8] {
        func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func le16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let dataSize = sampleCount * 2
        return Array("RIFF".utf8) + le32(36 + dataSize) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(8000) + le32(16000) + le16(2) + le16(16) + Array("data".utf8) + le32(dataSize)
            + [UInt8](repeating: 0, count: dataSize)
    }
}

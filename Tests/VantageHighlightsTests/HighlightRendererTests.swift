import Foundation
import Testing
import VantageGeometry
import VantageHighlights
import VantageMedia
import VantageTransport

/// A camera path rendered into an MP4 by the view model, read back as a player would.
@Suite(.serialized) struct HighlightRendererTests {
    /// A quarter orbit at 40 m, 15 m up, over `seconds`, replay time running from 0.
    private func orbit(seconds: Double = 0.6) throws -> CameraPath {
        try CameraPath.orbit(center: Vector3(0, 0, 0), radius: 40, height: 15, degrees: 90, seconds: seconds)
    }

    private func source() throws -> any HighlightFrameSource {
        FFmpegLog.setLevel(.quiet)
        return try HighlightFixture.modelSource(FarmOrigin(rig: HighlightFixture.rigPath))
    }

    private func options(fps: Int = 10) -> HighlightOptions {
        var options = HighlightOptions()
        options.size = ImageSize(width: 160, height: 90)
        options.framesPerSecond = fps
        options.preset = "veryfast"
        return options
    }

    private func decodeAll(_ path: String) throws -> (info: VideoStreamInfo, frames: [RGBImage]) {
        let reader = try MediaReader(path)
        let converter = PixelConverter()
        var frames: [RGBImage] = []
        while let frame = try reader.nextFrame() { frames.append(try converter.rgbImage(from: frame)) }
        return (reader.info, frames)
    }

    /// Two renders of the same path give the same frames: losslessly coded (crf 0), the same
    /// file byte for byte. (At lossy settings libx264 has coded the same frames differently from
    /// run to run in this process, single-threaded too; the frames themselves do not change.)
    @Test func theSamePathGivesTheSameFrames() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clips-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = HighlightOptions()
        options.size = ImageSize(width: 320, height: 180)
        options.framesPerSecond = 20
        options.crf = 0
        let plan = try HighlightPlan(path: try orbit(seconds: 0.8), options: options)
        let source = try source()
        var files: [Data] = []
        for name in ["a.mp4", "b.mp4", "c.mp4"] {
            let output = folder.appendingPathComponent(name)
            try await HighlightRenderer(plan: plan, output: output.path).render(from: source)
            files.append(try Data(contentsOf: output))
        }
        #expect(files[0] == files[1] && files[1] == files[2], "sizes \(files.map(\.count))")
    }

    @Test func theClipHasEveryFrameAtTheRateAndDuration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clips-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try HighlightPlan(path: try orbit(), options: options())
        #expect(plan.frameCount == 7, "0.6 s at 10 fps: frames at 0, 0.1, … 0.6")
        let progress = Locked<[Int]>([])
        let first = folder.appendingPathComponent("first.mp4").path
        let summary = try await HighlightRenderer(plan: plan, output: first)
            .render(from: try source()) { update in progress.withLock { $0.append(update.framesDone) } }
        #expect(summary.frames == 7)
        #expect(progress.current.last == 7 && progress.current == progress.current.sorted())

        let (info, frames) = try decodeAll(first)
        #expect(frames.count == 7)
        #expect(info.width == 160 && info.height == 90 && info.frameRate == MediaRational(10, 1))
        #expect(abs((info.durationSeconds ?? 0) - 0.7) < 0.011, "duration \(info.durationSeconds ?? 0) s")
        #expect(frames.allSatisfy { spread($0) > 5 }, "a blank frame")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["first.mp4"], "temporary files left")
    }

    @Test func anOutputThatCannotBeWrittenFailsBeforeAnyFrame() async throws {
        let plan = try HighlightPlan(path: try orbit(), options: options())
        let missing = "/nonexistent-\(UUID())/clip.mp4"
        let counter = CountingSource()
        await #expect(throws: MediaError.self) { try await HighlightRenderer(plan: plan, output: missing).render(from: counter) }
        #expect(counter.count == 0, "frames were rendered for a clip that could not be written")
        #expect(throws: MediaError.self) { try HighlightRenderer(plan: plan, output: "/tmp/clip.gif") }
    }

    @Test func aFailingOrCancelledRenderLeavesNoFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clips-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try HighlightPlan(path: try orbit(), options: options())
        let renderer = try HighlightRenderer(plan: plan, output: folder.appendingPathComponent("clip.mp4").path)
        await #expect(throws: CountingSource.Failure.self) { try await renderer.render(from: CountingSource(failingAt: 3)) }
        let task = Task { try await renderer.render(from: CountingSource(waitingAt: 2)) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "a failed render left a file")
    }
}

/// Grey frames, counted; fails at `failingAt`, or waits (until cancelled) at `waitingAt`.
private final class CountingSource: HighlightFrameSource, @unchecked Sendable {
    struct Failure: Error {}
    private let lock = NSLock()
    private var calls = 0
    let failingAt: Int?
    let waitingAt: Int?

    init(failingAt: Int? = nil, waitingAt: Int? = nil) {
        self.failingAt = failingAt
        self.waitingAt = waitingAt
    }

    var count: Int { lock.withLock { calls } }

    func frame(_ index: Int, of plan: HighlightPlan) async throws -> RGBImage {
        lock.withLock { calls += 1 }
        if index == failingAt { throw Failure() }
        if index == waitingAt { try await Task.sleep(for: .seconds(60)) }
        let size = plan.options.frameSize(for: plan.path)
        return RGBImage(width: size.width, height: size.height, pixels: [UInt8](repeating: UInt8(index * 20), count: size.width * size.height * 3))
    }
}

/// Standard deviation of an image's samples: near 0 for a blank image.
private func spread(_ image: RGBImage) -> Double {
    let values = image.pixels.map(Double.init)
    let mean = values.reduce(0, +) / Double(values.count)
    return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
}

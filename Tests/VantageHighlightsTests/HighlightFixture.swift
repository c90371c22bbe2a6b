import Foundation
import VantageGeometry
import VantageHighlights
import VantageMedia
import VantageSample
import VantageSynthesis
import VantageTransport

/// A tiny stadium sample on disk (4 cameras, 1 s at 5 fps, 320×180), a short orbit around the
/// pitch, and frame sources over it, shared by the highlight and farm tests.
enum HighlightFixture {
    /// Generated once per test process.
    static let sample: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-farm-sample-\(ProcessInfo.processInfo.processIdentifier)")
        var options = SampleOptions(output: folder)
        options.cameras = 4
        options.truthCameras = 0
        options.seconds = 1
        options.framesPerSecond = 5
        options.size = ImageSize(width: 320, height: 180)
        options.depthMaps = .none
        options.overwrite = true
        atexit { try? FileManager.default.removeItem(at: HighlightFixture.sample) }
        do { _ = try SampleGenerator.generate(options) } catch { preconditionFailure("cannot generate the farm test sample: \(error)") }
        return folder
    }()

    static var rigPath: String { sample.appendingPathComponent(SampleLayout.sourceRigName).path }

    /// `frames` frames at 5 fps of a 60° orbit across the replay, at 160×90.
    static func plan(frames: Int = 10) throws -> HighlightPlan {
        let seconds = Double(frames) / 5
        let path = try CameraPath.orbit(center: Vector3(0, 0, 0), radius: 40, height: 15, degrees: 60, seconds: seconds,
                                        timing: ReplayTiming(start: 0, speed: 0.8 / seconds))
        var options = HighlightOptions()
        options.size = ImageSize(width: 160, height: 90)
        options.framesPerSecond = 5
        return try HighlightPlan(path: path, options: options)
    }

    /// The view model over the sample, as `render-path` builds it.
    static func modelSource(_ origin: FarmOrigin) throws -> any HighlightFrameSource {
        let rig = try RigImport.read(URL(fileURLWithPath: origin.rig)).rig
        let frames = try RigFrameSource(rig: rig, rigDirectory: URL(fileURLWithPath: origin.rig).deletingLastPathComponent())
        return ModelFrameSource(model: try ImageBasedModel(rig: rig, frames: frames), frames: frames)
    }

    /// Every frame of `plan` from `source`, in order.
    static func frames(of plan: HighlightPlan, from source: some HighlightFrameSource) async throws -> [RGBImage] {
        var images: [RGBImage] = []
        for index in 0..<plan.frameCount { images.append(try await source.frame(index, of: plan)) }
        return images
    }

    static let loopback = FarmEndpoints(work: "tcp://127.0.0.1:*", results: "tcp://127.0.0.1:*")
}

/// A `FarmWorker` on a thread of its own, stopped by `stop()` or by its own `stopAfterFrames`.
final class WorkerThread: @unchecked Sendable {
    let name: String
    private let stopped = Locked(false)
    private let finished = Locked(false)
    let framesSent = Locked(0)
    private let done = DispatchSemaphore(value: 0)
    let summary = Locked<FarmWorkerSummary?>(nil)

    init(_ name: String, endpoints: FarmEndpoints, stopAfterFrames: Int? = nil) throws {
        self.name = name
        var options = FarmWorkerOptions(endpoints: endpoints)
        options.worker = name
        // Used only by the thread below from now on.
        nonisolated(unsafe) let worker = try FarmWorker(options: options, makeSource: HighlightFixture.modelSource)
        let (stopped, finished, framesSent, done, summary) = (stopped, finished, framesSent, done, summary)
        let thread = Thread {
            let result = try? worker.run(shouldStop: {
                stopped.current || stopAfterFrames.map { framesSent.current >= $0 } ?? false
            }) { event in
                if case .frameSent = event { framesSent.withLock { $0 += 1 } }
            }
            summary.withLock { $0 = result }
            finished.withLock { $0 = true }
            done.signal()
        }
        thread.start()
    }

    /// Asks the worker to stop and waits until its sockets are closed.
    func stop() {
        stopped.withLock { $0 = true }
        waitUntilStopped()
    }

    func waitUntilStopped() {
        done.wait()
        done.signal()
    }

    /// Waits until the worker has stopped by itself, without holding one of the few threads that
    /// run tasks: what it waits for (the farm handing out work) needs them.
    func stoppedByItself() async {
        while !finished.current { try? await Task.sleep(for: .milliseconds(20)) }
    }
}

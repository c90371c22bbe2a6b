import Foundation
import Testing
import VantageHighlights
import VantageTransport

/// A real worker thread whose coordinator is the test itself, on raw PUSH/PULL sockets.
@Suite(.serialized) struct FarmWorkerTests {
    /// A coordinator renders one job: when a new job's work arrives, the ranges of the old one
    /// (whose coordinator was cancelled) are dropped unrendered, not rendered for nobody.
    @Test func workOfANewJobDropsTheRangesOfTheOldOne() async throws {
        let context = try ZMQContext()
        let work = try PipelineSocket(context: context, role: .push)
        let results = try PipelineSocket(context: context, role: .pull)
        try work.bind("tcp://127.0.0.1:*")
        try results.bind("tcp://127.0.0.1:*")
        let worker = try WorkerThread("w", endpoints: FarmEndpoints(work: try work.lastEndpoint(), results: try results.lastEndpoint()))
        let plan = try HighlightFixture.plan(frames: 10)
        let messages = [("old", 0..<3), ("old", 3..<6), ("old", 6..<9), ("new", 0..<2)].map { job, range in
            FarmMessage.work(FarmWork(job: job, range: range, path: plan.path.jsonText, width: 160, height: 90,
                                      framesPerSecond: 5, rig: HighlightFixture.rigPath, store: nil)).encoded()
        }
        // Sent without blocking a task thread: `dontWait` fails until the worker has connected.
        for message in messages {
            while try !work.send(message, dontWait: true) { try await Task.sleep(for: .milliseconds(10)) }
        }
        var frames: [String: [Int]] = [:]
        // Generous: the frame in flight is the cold model's first (plates, depth), and on a busy
        // machine running the whole suite it has taken minutes.
        let deadline = ContinuousClock.now + .seconds(600)
        while frames["new", default: []].count < 2, ContinuousClock.now < deadline {
            guard let parts = try results.receive(timeoutMilliseconds: 0) else {
                try await Task.sleep(for: .milliseconds(10))
                continue
            }
            if case .frame(let frame) = try? FarmMessage(parts: parts) { frames[frame.job, default: []].append(frame.index) }
        }
        worker.stop()
        #expect(frames["new"] == [0, 1], "\(frames)")
        // The first, cold frame of the old job was still rendering when the new work came.
        #expect(frames["old", default: []].isEmpty, "\(frames)")
        #expect(worker.summary.current?.rangesSuperseded == 3)
    }
}

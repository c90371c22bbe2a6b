import Foundation
import Testing
import VantageGeometry
@testable import VantageHighlights
import VantageMedia
import VantageTransport

/// The coordinator with real workers on threads of this process, over real sockets on 127.0.0.1.
@Suite(.serialized) struct FarmFrameSourceTests {
    @Test func twoWorkersRenderTheSameFramesAsTheModelHere() async throws {
        let plan = try HighlightFixture.plan(frames: 10)
        let local = try await HighlightFixture.frames(of: plan, from: HighlightFixture.modelSource(FarmOrigin(rig: HighlightFixture.rigPath)))

        var options = FarmOptions()
        options.rangeFrames = 3
        let farm = try FarmFrameSource(plan: plan, origin: FarmOrigin(rig: HighlightFixture.rigPath), bind: HighlightFixture.loopback, options: options)
        defer { farm.close() }
        let workers = try ["a", "b"].map { try WorkerThread($0, endpoints: farm.endpoints) }
        defer { workers.forEach { $0.stop() } }
        let farmed = try await HighlightFixture.frames(of: plan, from: farm)

        #expect(farmed.count == local.count)
        let differing = zip(local, farmed).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(differing.isEmpty, "frames \(differing) differ from the local render")
        let statistics = farm.statistics
        #expect(statistics.framesReceived == plan.frameCount && statistics.dropped.isEmpty, "\(statistics)")
        #expect(Set(statistics.framesByWorker.keys) == ["a", "b"], "both workers rendered: \(statistics.framesByWorker)")
    }

    @Test func aWorkerThatStopsMidRangeHasItsRangeRedoneByAnother() async throws {
        let plan = try HighlightFixture.plan(frames: 8)
        let local = try await HighlightFixture.frames(of: plan, from: HighlightFixture.modelSource(FarmOrigin(rig: HighlightFixture.rigPath)))

        var options = FarmOptions()
        options.rangeFrames = 4
        options.silenceSeconds = 1.5
        let farm = try FarmFrameSource(plan: plan, origin: FarmOrigin(rig: HighlightFixture.rigPath), bind: HighlightFixture.loopback, options: options)
        defer { farm.close() }
        // The first worker takes both ranges (it is alone) and vanishes after 2 frames of the first;
        // only then does the second one connect.
        let quitter = try WorkerThread("quitter", endpoints: farm.endpoints, stopAfterFrames: 2)
        let rendering = Task { try await HighlightFixture.frames(of: plan, from: farm) }
        await quitter.stoppedByItself()
        let rescuer = try WorkerThread("rescuer", endpoints: farm.endpoints)
        defer { rescuer.stop() }
        let farmed = try await rendering.value

        #expect(farmed.count == local.count && farmed == local, "the farm's frames differ from the local render")
        let statistics = farm.statistics
        // The quitter closed its sockets without lingering: its last frame may not have left.
        let (quitterFrames, rescuerFrames) = (statistics.framesByWorker["quitter", default: 0], statistics.framesByWorker["rescuer", default: 0])
        #expect((1...2).contains(quitterFrames) && quitterFrames + rescuerFrames == plan.frameCount, "\(statistics.framesByWorker)")
        #expect(statistics.rangesRequeued >= 2, "the rest of the first range and the second range go out again")
    }

    @Test func garbageAndOtherJobsOnTheResultSocketAreCountedAndDropped() async throws {
        let plan = try HighlightFixture.plan(frames: 2)
        let lines = Locked<[String]>([])
        let farm = try FarmFrameSource(plan: plan, origin: FarmOrigin(rig: HighlightFixture.rigPath), bind: HighlightFixture.loopback, job: "mine") { line in
            lines.withLock { $0.append(line) }
        }
        defer { farm.close() }
        let context = try ZMQContext()
        let push = try PipelineSocket(context: context, role: .push)
        try push.connect(farm.endpoints.results)
        let image = RGBImage(width: 160, height: 90)
        let messages: [[[UInt8]]] = [
            [Array("not json".utf8)],
            [Array(#"{"protocol":"vantage-farm","version":9,"kind":"frame"}"#.utf8)],
            [Array(#"{"protocol":"vantage-farm","version":1,"kind":"frame","job":"mine","index":0,"worker":"w","width":160,"height":90}"#.utf8), [1, 2, 3]],
            FarmMessage.frame(FarmFrame(job: "another", index: 0, worker: "w", image: image)).encoded(),
            FarmMessage.frame(FarmFrame(job: "mine", index: 7, worker: "w", image: image)).encoded(),
            FarmMessage.frame(FarmFrame(job: "mine", index: 1, worker: "w", image: RGBImage(width: 16, height: 9))).encoded(),
            [],
        ]
        for message in messages where !message.isEmpty { try push.send(message) }
        // A good frame after the garbage still counts.
        try push.send(FarmMessage.frame(FarmFrame(job: "mine", index: 0, worker: "w", image: image)).encoded())
        let first = try await farm.frame(0, of: plan)
        #expect(first == image)

        let dropped = farm.statistics.dropped
        #expect(dropped == ["malformed": 2, "unknownVersion": 1, "wrongJob": 1, "outOfPlan": 2], "\(dropped)")
        // Logged once for the whole burst.
        #expect(lines.current.filter { $0.contains("dropped") }.count == 1, "\(lines.current)")
    }

    @Test func withoutWorkersTheFarmGivesUpWithAnErrorThatSaysHowToStartThem() async throws {
        let plan = try HighlightFixture.plan(frames: 2)
        var options = FarmOptions()
        options.waitForWorkersSeconds = 0.5
        let farm = try FarmFrameSource(plan: plan, origin: FarmOrigin(rig: HighlightFixture.rigPath), bind: HighlightFixture.loopback, options: options)
        defer { farm.close() }
        await #expect(throws: FarmError.self) { try await farm.frame(0, of: plan) }
        do { _ = try await farm.frame(0, of: plan) } catch let error as FarmError {
            #expect(error.kind == .noWorkers)
            #expect(error.message.contains("vantage worker --connect tcp://127.0.0.1:"), "\(error.message)")
        }
    }
}

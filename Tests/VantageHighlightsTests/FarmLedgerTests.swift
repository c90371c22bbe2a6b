import Testing
@testable import VantageHighlights
import VantageMedia

/// The coordinator's rules without sockets: credit, silence, duplicates, failures.
struct FarmLedgerTests {
    private let start = ContinuousClock.now
    private func at(_ seconds: Double) -> ContinuousClock.Instant { start + .milliseconds(Int(seconds * 1000)) }
    private let image = RGBImage(width: 2, height: 2)

    private func ledger(frames: Int = 20) -> FarmLedger {
        var options = FarmOptions()
        options.rangeFrames = 4
        options.creditPerWorker = 2
        options.silenceSeconds = 10
        return FarmLedger(frameCount: frames, options: options, now: at(0))
    }

    @Test func creditGrowsWithLiveWorkersAndFollowsTheEncoder() {
        var ledger = ledger()
        var sent: [Range<Int>] = []
        while let next = ledger.nextToSend(now: at(0), waitingFor: 0) { ledger.sent(next, now: at(0)); sent.append(next) }
        #expect(sent == [0..<4, 4..<8], "2 ranges of credit before any worker spoke")
        ledger.news(from: "a", about: nil, now: at(1))
        ledger.news(from: "b", about: nil, now: at(1))
        while let next = ledger.nextToSend(now: at(1), waitingFor: 0) { ledger.sent(next, now: at(1)); sent.append(next) }
        #expect(sent.count == 4, "2 ranges per live worker")
        for index in 0..<4 { _ = ledger.frame(index, image: image, from: "a", now: at(2)) }
        let taken = (0..<4).map { ledger.take($0) != nil }
        #expect(taken == [true, true, true, true])
        #expect(ledger.nextToSend(now: at(2), waitingFor: 4) == 16..<20, "the encoder moved on: one more range")
    }

    @Test func aSilentRangeGoesBackWithOnlyItsMissingFrames() {
        var ledger = ledger()
        let first = ledger.nextToSend(now: at(0), waitingFor: 0)!
        ledger.sent(first, now: at(0))
        ledger.news(from: "a", about: first, now: at(1))
        let kept = [ledger.frame(0, image: image, from: "a", now: at(2)), ledger.frame(2, image: image, from: "a", now: at(3))]
        #expect(kept == [true, true])
        let early = ledger.expire(now: at(12))
        #expect(early.isEmpty, "news at 3 s")
        let expired = ledger.expire(now: at(13.5))
        #expect(expired.map(\.range) == [0..<4] && expired.map(\.holder) == ["a"])
        #expect(ledger.pending.prefix(3) == [1..<2, 3..<4, 4..<8])
        let duplicate = ledger.frame(2, image: image, from: "b", now: at(14))
        #expect(!duplicate, "a duplicate: the first copy stays")
        #expect(ledger.statistics.duplicateFrames == 1 && ledger.statistics.rangesRequeued == 2)
    }

    @Test func aRangeThatFailsEverywhereEndsTheRender() {
        var ledger = ledger()
        ledger.sent(ledger.nextToSend(now: at(0), waitingFor: 0)!, now: at(0))
        let failure = FarmFailure(job: "j", range: 0..<4, worker: "a", error: "no such rig")
        let once = ledger.failed(failure, now: at(1))
        #expect(once == nil)
        #expect(ledger.pending.first == 0..<4, "sent again")
        let twice = ledger.failed(failure, now: at(2))
        #expect(twice == nil)
        let fatal = ledger.failed(failure, now: at(3))
        #expect(fatal?.kind == .rangeFailed && fatal?.message.contains("no such rig") == true)
    }

    @Test func messagesRoundTripAndBadOnesAreNamed() throws {
        let work = FarmWork(job: "j", range: 3..<9, path: "{\"a\": 1}\n", width: 64, height: 36, framesPerSecond: 25, rig: "/r/rig.json", store: nil)
        #expect(try FarmMessage(parts: FarmMessage.work(work).encoded()) == .work(work))
        let frame = FarmFrame(job: "j", index: 4, worker: "w", image: RGBImage(width: 2, height: 1, pixels: [1, 2, 3, 4, 5, 6]))
        #expect(try FarmMessage(parts: FarmMessage.frame(frame).encoded()) == .frame(frame))
        let heartbeat = FarmHeartbeat(worker: "w", holding: [FarmHeldRange(job: "j", range: 0..<4)])
        #expect(try FarmMessage(parts: FarmMessage.heartbeat(heartbeat).encoded()) == .heartbeat(heartbeat))
        #expect(throws: FarmDrop(.malformed, "0 parts, expected a JSON header and at most a payload")) { try FarmMessage(parts: []) }
        var reversed = work
        (reversed.first, reversed.last) = (9, 3)
        #expect(throws: FarmDrop.self) { try FarmMessage(parts: FarmMessage.work(reversed).encoded()) }
    }

    @Test func endpointsPairWorkAndResults() throws {
        #expect(try FarmEndpoints(parsing: "tcp://*:5557") == FarmEndpoints(work: "tcp://*:5557", results: "tcp://*:5558"))
        #expect(try FarmEndpoints(parsing: "tcp://render-1.local:6000").results == "tcp://render-1.local:6001")
        #expect(throws: FarmError.self) { try FarmEndpoints(parsing: "tcp://host") }
        #expect(throws: FarmError.self) { try FarmEndpoints(parsing: "ipc:///tmp/farm") }
        #expect(throws: FarmError.self) { try FarmEndpoints(parsing: "tcp://host:65535") }
    }
}

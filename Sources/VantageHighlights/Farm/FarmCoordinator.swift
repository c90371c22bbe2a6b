import Foundation
import VantageMedia
import VantageTransport

/// The farm's thread: owns the PUSH (work) and PULL (results) sockets, and runs the ledger's
/// rules every 20 ms: take in results, send back silent ranges, send what the credit allows,
/// give up when no worker has spoken for too long.
enum FarmCoordinator {
    /// Starts the thread and returns the bound endpoints once both sockets are bound.
    static func start(bind: FarmEndpoints, template: FarmWork, shared: FarmShared,
                      log: @escaping @Sendable (String) -> Void) throws -> FarmEndpoints {
        let bound = Locked<Result<FarmEndpoints, any Error>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { shared.stopped.signal() }
            let sockets: (push: PipelineSocket, pull: PipelineSocket)
            do {
                let context = try ZMQContext()
                // Two queued messages per peer: work waits in the coordinator, not in a dead peer's pipe.
                let push = try PipelineSocket(context: context, role: .push, highWaterMark: 2)
                let pull = try PipelineSocket(context: context, role: .pull, highWaterMark: 1000,
                                              maximumMessageBytes: Int64(template.width * template.height * 3 + (64 << 10)))
                try push.bind(bind.work)
                try pull.bind(bind.results)
                sockets = (push, pull)
                let endpoints = FarmEndpoints(work: try push.lastEndpoint(), results: try pull.lastEndpoint())
                bound.withLock { $0 = .success(endpoints) }
            } catch {
                bound.withLock { $0 = .failure(error) }
                ready.signal()
                return
            }
            ready.signal()
            run(push: sockets.push, pull: sockets.pull, template: template, shared: shared, log: log)
        }
        thread.name = "vantage.farm.coordinator"
        thread.start()
        ready.wait()
        return try bound.current!.get()
    }

    private static func run(push: PipelineSocket, pull: PipelineSocket, template: FarmWork, shared: FarmShared,
                            log: @escaping @Sendable (String) -> Void) {
        var drops = FarmDropLog(side: "farm")
        let frameSize = (template.width, template.height)
        let silence = shared.state.withLock { $0.ledger.options.waitForWorkersSeconds }
        while true {
            let stop = shared.state.withLock { $0.stopRequested || $0.failure != nil || $0.ledger.isFinished }
            if stop { break }
            do {
                // Take in everything that has arrived (up to 64 messages), then apply the rules.
                var timeout: Int32 = 20
                for _ in 0..<64 {
                    guard let parts = try pull.receive(timeoutMilliseconds: timeout) else { break }
                    timeout = 0
                    handle(parts, job: template.job, frameSize: frameSize, shared: shared, drops: &drops, log: log)
                }
                let now = ContinuousClock.now
                let expired = shared.state.withLock { $0.ledger.expire(now: now) }
                for (range, holder) in expired {
                    log("farm: frames \(range.lowerBound)..<\(range.upperBound) sent again: \(holder.map { "worker \($0)" } ?? "no worker took them") silent for over \(shared.state.withLock { $0.ledger.options.silenceSeconds }) s")
                }
                while let range = shared.state.withLock({ $0.ledger.nextToSend(now: now, waitingFor: $0.waiter?.index) }) {
                    var work = template
                    (work.first, work.last) = (range.lowerBound, range.upperBound)
                    // No worker connected (or every one's queue full): try again on the next round.
                    guard try push.send(FarmMessage.work(work).encoded(), dontWait: true) else { break }
                    shared.state.withLock { $0.ledger.sent(range, now: now) }
                }
                let quiet = shared.state.withLock { $0.ledger.silence(now: now) }
                if quiet > .seconds(silence) {
                    shared.fail(FarmError(.noWorkers, "no farm worker has answered for \(Int(silence)) s; start workers with `vantage worker --connect \(workHint(push))` on machines that see the rig \(template.rig) at the same path (or give them --rig/--store)"))
                }
            } catch {
                shared.fail(FarmError(.closed, "farm sockets failed: \(error)"))
            }
        }
        shared.fail(FarmError(.closed, "the farm was closed before the frame arrived"))
    }

    /// The work endpoint as a worker elsewhere would connect to it.
    private static func workHint(_ push: PipelineSocket) -> String {
        let bound = (try? push.lastEndpoint()) ?? "tcp://HOST:PORT"
        return FarmEndpoints(work: bound, results: bound).forWorkers.work
    }

    private static func handle(_ parts: [[UInt8]], job: String, frameSize: (Int, Int), shared: FarmShared,
                               drops: inout FarmDropLog, log: @Sendable (String) -> Void) {
        let now = ContinuousClock.now
        do throws(FarmDrop) {
            let message = try FarmMessage(parts: parts)
            switch message {
            case .work:
                throw FarmDrop(.unexpectedKind, "a work message on the results socket")
            case .heartbeat(let heartbeat):
                let isNew = shared.state.withLock { state in
                    var isNew = state.ledger.news(from: heartbeat.worker, about: nil, now: now)
                    for held in heartbeat.holding where held.job == job {
                        isNew = state.ledger.news(from: heartbeat.worker, about: held.range, now: now) || isNew
                    }
                    return isNew
                }
                if isNew { log("farm: worker \(heartbeat.worker) connected") }
            case .accepted(let notice):
                guard notice.job == job else { throw FarmDrop(.wrongJob, "range accepted for job \(notice.job) by \(notice.worker)") }
                let isNew = shared.state.withLock { $0.ledger.news(from: notice.worker, about: notice.range, now: now) }
                if isNew { log("farm: worker \(notice.worker) connected") }
            case .failed(let failure):
                guard failure.job == job else { throw FarmDrop(.wrongJob, "failure for job \(failure.job) from \(failure.worker)") }
                log("farm: worker \(failure.worker) could not render frames \(failure.first)..<\(failure.last): \(failure.error)")
                if let fatal = shared.state.withLock({ $0.ledger.failed(failure, now: now) }) { shared.fail(fatal) }
            case .frame(let frame):
                guard frame.job == job else { throw FarmDrop(.wrongJob, "frame \(frame.index) of job \(frame.job) from \(frame.worker)") }
                let frameCount = shared.state.withLock { $0.ledger.frameCount }
                guard (0..<frameCount).contains(frame.index), frame.image.width == frameSize.0, frame.image.height == frameSize.1 else {
                    throw FarmDrop(.outOfPlan, "frame \(frame.index) (\(frame.image.width)x\(frame.image.height)) from \(frame.worker); the plan has \(frameCount) frames of \(frameSize.0)x\(frameSize.1)")
                }
                _ = shared.state.withLock { $0.ledger.frame(frame.index, image: frame.image, from: frame.worker, now: now) }
                shared.deliverIfAwaited()
            }
        } catch {
            shared.state.withLock { $0.ledger.countDrop(error.reason) }
            if let line = drops.record(error, now: now) { log(line) }
        }
    }
}

import Foundation
import VantageMedia
import VantageTransport

/// Frames rendered by a farm of `vantage worker` processes (the coordinator's side): binds the
/// work and results sockets, hands out ranges of the plan with credit, collects frames, sends a
/// range again when its worker falls silent, and gives the renderer frame i as soon as it has
/// arrived. Sockets live on one thread of their own; `frame(_:of:)` may be called from anywhere.
public final class FarmFrameSource: HighlightFrameSource, @unchecked Sendable {
    public let plan: HighlightPlan
    /// Unique per render; workers tag every result with it.
    public let job: String
    /// The endpoints as bound (a `*` port resolved).
    public let endpoints: FarmEndpoints
    private let shared: FarmShared

    /// Binds `bind` and starts handing out the plan's ranges to whichever workers connect.
    /// Throws when an option is invalid or an endpoint cannot be bound. `log` hears workers
    /// arriving, ranges sent again, refused messages (once per burst), on the farm's thread.
    public init(plan: HighlightPlan, origin: FarmOrigin, bind: FarmEndpoints, options: FarmOptions = FarmOptions(),
                job: String = UUID().uuidString.lowercased(), log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        try options.validate()
        self.plan = plan
        self.job = job
        let size = plan.options.frameSize(for: plan.path)
        let template = FarmWork(job: job, range: 0..<1, path: plan.path.jsonText, width: size.width, height: size.height,
                                framesPerSecond: plan.options.framesPerSecond, rig: origin.rig, store: origin.store)
        shared = FarmShared(ledger: FarmLedger(frameCount: plan.frameCount, options: options, now: .now))
        endpoints = try FarmCoordinator.start(bind: bind, template: template, shared: shared, log: log)
    }

    deinit { shared.state.withLock { $0.stopRequested = true } }

    /// Frame `index` once a worker has sent it; throws `FarmError` when the farm gives up (no
    /// worker for too long, a range failing everywhere) or was closed.
    public func frame(_ index: Int, of plan: HighlightPlan) async throws -> RGBImage {
        precondition(plan.frameCount == self.plan.frameCount, "a farm renders the plan it was made for")
        precondition((0..<plan.frameCount).contains(index), "frame \(index) is outside the plan")
        return try await withCheckedThrowingContinuation { continuation in
            let ready: Result<RGBImage, any Error>? = shared.state.withLock { state in
                if let failure = state.failure { return .failure(failure) }
                if let image = state.ledger.take(index) { return .success(image) }
                precondition(state.waiter == nil, "one frame at a time")
                state.waiter = (index, continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// What the farm has seen so far.
    public var statistics: FarmStatistics { shared.state.withLock { $0.ledger.statistics } }

    /// Stops the farm's thread (its sockets close there) and waits for it; a frame still awaited
    /// fails with `.closed`.
    public func close() {
        shared.state.withLock { $0.stopRequested = true }
        shared.stopped.wait()
        shared.stopped.signal()
    }
}

/// The state the farm's thread and the renderer share.
final class FarmShared: Sendable {
    struct State {
        var ledger: FarmLedger
        var waiter: (index: Int, continuation: CheckedContinuation<RGBImage, any Error>)?
        var failure: FarmError?
        var stopRequested = false
    }

    let state: Locked<State>
    /// Signalled once when the farm's thread has closed its sockets.
    let stopped = DispatchSemaphore(value: 0)

    init(ledger: FarmLedger) { state = Locked(State(ledger: ledger)) }

    /// Ends the render with `error` unless it already ended; the awaited frame fails with it.
    func fail(_ error: FarmError) {
        let waiter = state.withLock { state -> CheckedContinuation<RGBImage, any Error>? in
            if state.failure == nil { state.failure = error }
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(throwing: error)
    }

    /// Hands the awaited frame to the renderer if it has arrived.
    func deliverIfAwaited() {
        let delivery = state.withLock { state -> (CheckedContinuation<RGBImage, any Error>, RGBImage)? in
            guard let waiter = state.waiter, let image = state.ledger.take(waiter.index) else { return nil }
            state.waiter = nil
            return (waiter.continuation, image)
        }
        if let (continuation, image) = delivery { continuation.resume(returning: image) }
    }
}

import VantageTransport

/// A session's one-slot mailbox: a newer view request replaces the waiting one, so a client
/// that moves faster than the server renders gets fewer frames and never a growing queue.
/// Lock-based rather than an actor so that the render thread can take the newest request at the
/// moment a render starts (`takeNewer()`), however long the render waited for its turn.
final class SessionMailbox: Sendable {
    /// What `take(waitingAtMost:)` found.
    enum Taken: Sendable {
        case request(ViewRequest)
        case timedOut
        case closed
    }

    private struct State {
        var pending: ViewRequest?
        var waiter: (id: Int, continuation: CheckedContinuation<Taken, Never>)?
        var waiterCount = 0
        var closed = false
        var dropped = 0
    }

    private let state = Locked(State())

    /// Requests replaced before they were rendered.
    var dropped: Int { state.current.dropped }

    var isEmpty: Bool { state.current.pending == nil }

    func put(_ request: ViewRequest) {
        let waiter = state.withLock { state -> CheckedContinuation<Taken, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter.continuation
            }
            if state.pending != nil { state.dropped += 1 }
            state.pending = request
            return nil
        }
        waiter?.resume(returning: .request(request))
    }

    /// A request that came after the one about to be rendered, without waiting: it replaces that
    /// one, which counts as dropped.
    func takeNewer() -> ViewRequest? {
        state.withLock { state in
            defer { state.pending = nil }
            if state.pending != nil { state.dropped += 1 }
            return state.pending
        }
    }

    /// The newest request, waiting at most `timeout` (for ever when nil) for one.
    func take(waitingAtMost timeout: Duration?) async -> Taken {
        await withCheckedContinuation { continuation in
            let found = state.withLock { state -> (Taken?, waiterID: Int) in
                if let pending = state.pending {
                    state.pending = nil
                    return (.request(pending), 0)
                }
                if state.closed { return (.closed, 0) }
                state.waiterCount += 1
                state.waiter = (state.waiterCount, continuation)
                return (nil, state.waiterCount)
            }
            if let taken = found.0 { return continuation.resume(returning: taken) }
            if let timeout {
                Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    self?.resumeWaiter(found.waiterID, with: .timedOut)
                }
            }
        }
    }

    /// No more requests: a waiting `take` returns `.closed`.
    func close() {
        state.withLock { $0.closed = true }
        resumeWaiter(nil, with: .closed)
    }

    /// Resumes the waiting `take` (only if it is waiter `id`, when given).
    private func resumeWaiter(_ id: Int?, with taken: Taken) {
        let waiter = state.withLock { state -> CheckedContinuation<Taken, Never>? in
            guard let waiter = state.waiter, id == nil || waiter.id == id else { return nil }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: taken)
    }
}

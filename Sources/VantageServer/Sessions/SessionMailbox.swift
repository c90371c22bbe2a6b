/// A session's one-slot mailbox: a newer view request replaces the waiting one, so a client
/// that moves faster than the server renders gets fewer frames and never a growing queue.
actor SessionMailbox {
    /// What `take(waitingAtMost:)` found.
    enum Taken {
        case request(ViewRequest)
        case timedOut
        case closed
    }

    private var pending: ViewRequest?
    private var waiter: (id: Int, continuation: CheckedContinuation<Taken, Never>)?
    private var waiterCount = 0
    private var closed = false
    /// Requests replaced before they were rendered.
    private(set) var dropped = 0

    func put(_ request: ViewRequest) {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume(returning: .request(request))
            return
        }
        if pending != nil { dropped += 1 }
        pending = request
    }

    /// The newest request, waiting for one; nil once the mailbox is closed and empty.
    func take() async -> ViewRequest? {
        if case let .request(request) = await take(waitingAtMost: nil) { return request }
        return nil
    }

    /// The newest request, waiting at most `timeout` (for ever when nil) for one.
    func take(waitingAtMost timeout: Duration?) async -> Taken {
        if let pending {
            self.pending = nil
            return .request(pending)
        }
        if closed { return .closed }
        waiterCount += 1
        let id = waiterCount
        if let timeout {
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(id)
            }
        }
        return await withCheckedContinuation { waiter = (id, $0) }
    }

    var isEmpty: Bool { pending == nil }

    /// No more requests: a waiting `take` returns nil.
    func close() {
        closed = true
        waiter?.continuation.resume(returning: .closed)
        waiter = nil
    }

    private func expire(_ id: Int) {
        guard let waiter, waiter.id == id else { return }
        self.waiter = nil
        waiter.continuation.resume(returning: .timedOut)
    }
}

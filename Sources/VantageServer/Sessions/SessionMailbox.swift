/// A session's one-slot mailbox: a newer view request replaces the waiting one, so a client
/// that moves faster than the server renders gets fewer frames and never a growing queue.
actor SessionMailbox {
    private var pending: ViewRequest?
    private var waiter: CheckedContinuation<ViewRequest?, Never>?
    private var closed = false
    /// Requests replaced before they were rendered.
    private(set) var dropped = 0

    func put(_ request: ViewRequest) {
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: request)
            return
        }
        if pending != nil { dropped += 1 }
        pending = request
    }

    /// The newest request, waiting for one; nil once the mailbox is closed and empty.
    func take() async -> ViewRequest? {
        if let pending {
            self.pending = nil
            return pending
        }
        if closed { return nil }
        return await withCheckedContinuation { waiter = $0 }
    }

    var isEmpty: Bool { pending == nil }

    /// No more requests: a waiting `take` returns nil.
    func close() {
        closed = true
        waiter?.resume(returning: nil)
        waiter = nil
    }
}

import Foundation
import VantageTransport

/// One dedicated thread that runs jobs in arrival order, with a bounded waiting line. Frame
/// sources and models are not thread-safe and rendering is CPU-heavy, so it never runs on the
/// HTTP event loops or the cooperative pool: async callers hand a job in and are resumed with
/// its result.
final class RenderThread: @unchecked Sendable {
    /// How a job joins the waiting line.
    enum Admission {
        /// Refused (`RenderQueueFull`) when `capacity` jobs already wait: one-off requests.
        case refusedWhenFull
        /// Always queued, for callers that keep at most one job in line and whose number is
        /// capped elsewhere (sessions, streams, highlight jobs): the line stays bounded, and
        /// first come, first served gives each of them a turn in rotation.
        case takesItsTurn
    }

    /// Jobs that may wait behind the one running before `refusedWhenFull` jobs are refused.
    let capacity: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [(run: () -> Void, refuse: () -> Void)] = []
    private var isRunningJob = false
    private var stopped = false
    private var thread: Thread?

    init(name: String, capacity: Int) {
        self.capacity = capacity
        // On Linux a name set before start is lost, and one set by the thread itself is lost too
        // until `start()` has returned in this thread: the new thread waits for that, then names itself.
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            started.wait()
            Thread.current.name = name
            self.loop()
        }
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
        started.signal()
    }

    /// Jobs waiting plus the one running.
    var depth: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting.count + (isRunningJob ? 1 : 0)
    }

    /// Runs `job` on the render thread and returns its result; throws `RenderQueueFull` at once
    /// when `admission` is `refusedWhenFull` and `capacity` jobs are already waiting, and
    /// `RenderThreadStopped` after `stop()`. A job whose caller is cancelled while it waits is
    /// skipped (`CancellationError`), never run.
    func run<T: Sendable>(_ admission: Admission = .refusedWhenFull, _ job: @escaping @Sendable () throws -> T) async throws -> T {
        let cancelled = Locked(false)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                condition.lock()
                defer { condition.unlock() }
                guard !stopped else { return continuation.resume(throwing: RenderThreadStopped()) }
                guard admission == .takesItsTurn || waiting.count < capacity || (!isRunningJob && waiting.isEmpty) else {
                    return continuation.resume(throwing: RenderQueueFull(capacity: capacity))
                }
                waiting.append((run: {
                    guard !cancelled.current else { return continuation.resume(throwing: CancellationError()) }
                    do { continuation.resume(returning: try job()) } catch { continuation.resume(throwing: error) }
                }, refuse: { continuation.resume(throwing: RenderThreadStopped()) }))
                condition.signal()
            }
        } onCancel: {
            cancelled.withLock { $0 = true }
        }
    }

    /// Lets the running job finish, refuses the waiting ones, and ends the thread.
    func stop() {
        condition.lock()
        stopped = true
        let refused = waiting
        waiting.removeAll()
        condition.signal()
        condition.unlock()
        for job in refused { job.refuse() }
    }

    private func loop() {
        while true {
            condition.lock()
            while waiting.isEmpty && !stopped { condition.wait() }
            if stopped && waiting.isEmpty {
                condition.unlock()
                return
            }
            let job = waiting.removeFirst()
            isRunningJob = true
            condition.unlock()
            job.run()
            condition.lock()
            isRunningJob = false
            condition.unlock()
        }
    }
}

/// Every place in the render queue is taken.
struct RenderQueueFull: Error {
    let capacity: Int
}

/// The render thread was stopped (the server is shutting down).
struct RenderThreadStopped: Error {}

import Foundation

/// A first-in first-out queue of frames bounded by their payload bytes, between the subscriber
/// and the (possibly slow) disk writer. A full queue blocks the subscriber, which stops reading
/// the socket; libzmq's high-water marks then make publishers drop, and the drops show up as
/// sequence gaps. Memory stays bounded however slow the disk is.
final class FrameQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var frames: [WireFrame] = []
    private var head = 0
    private var bytes = 0
    private var closed = false
    let capacityBytes: Int

    init(capacityBytes: Int) {
        precondition(capacityBytes > 0, "queue capacity must be positive")
        self.capacityBytes = capacityBytes
    }

    /// Waits for room (a frame larger than the whole capacity goes in once the queue is empty).
    /// Returns false when the queue was closed meanwhile.
    func put(_ frame: WireFrame) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !closed && bytes > 0 && bytes + frame.payload.count > capacityBytes { condition.wait() }
        guard !closed else { return false }
        frames.append(frame)
        bytes += frame.payload.count
        condition.broadcast()
        return true
    }

    /// The oldest frame, waiting for one; nil once the queue is closed and empty.
    func take() -> WireFrame? {
        condition.lock()
        defer { condition.unlock() }
        while head == frames.count && !closed { condition.wait() }
        guard head < frames.count else { return nil }
        let frame = frames[head]
        head += 1
        bytes -= frame.payload.count
        if head > 1024 && head * 2 > frames.count {
            frames.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return frame
    }

    /// No more frames will be put; `take` drains what is left, then returns nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Frames and payload bytes waiting.
    var depth: (frames: Int, bytes: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (frames.count - head, bytes)
    }
}

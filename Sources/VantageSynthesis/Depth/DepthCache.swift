import Foundation

/// Depth estimates shared by every viewer: one per (camera, moment), computed once. Holds at most
/// `capacityBytes` of estimates and evicts the least recently used first; an estimate larger than
/// the whole capacity is returned but not kept. Concurrent requests for the same key wait for the
/// first one's computation instead of repeating it.
public final class DepthCache: @unchecked Sendable {
    private struct Key: Hashable {
        let camera: String
        let captureMicroseconds: Int64
    }

    /// A computation in progress; waiters wait on `condition` until `result` is set.
    private final class Pending {
        var result: Result<DepthEstimate, SynthesisError>?
    }

    private struct Entry {
        let estimate: DepthEstimate
        var lastUse: UInt64
    }

    public let capacityBytes: Int
    // Everything below is guarded by `condition` (an NSCondition is also a lock).
    private let condition = NSCondition()
    private var entries: [Key: Entry] = [:]
    private var pending: [Key: Pending] = [:]
    private var clock: UInt64 = 0
    private var hits = 0, misses = 0, evictions = 0, bytes = 0

    public init(capacityBytes: Int = 2 << 30) {
        precondition(capacityBytes >= 0, "DepthCache capacity must not be negative")
        self.capacityBytes = capacityBytes
    }

    /// The cached estimate of `camera` at `captureMicroseconds`, or `compute()`'s result, cached.
    /// A failed computation is not cached: its error goes to every caller that waited for it.
    public func estimate(camera: String, captureMicroseconds: Int64,
                         compute: () throws(SynthesisError) -> DepthEstimate) throws(SynthesisError) -> DepthEstimate {
        let key = Key(camera: camera, captureMicroseconds: captureMicroseconds)
        condition.lock()
        if var entry = entries[key] {
            clock += 1
            entry.lastUse = clock
            entries[key] = entry
            hits += 1
            condition.unlock()
            return entry.estimate
        }
        if let inFlight = pending[key] {
            while inFlight.result == nil { condition.wait() }
            defer { condition.unlock() }
            if case .success = inFlight.result! { hits += 1 }
            return try inFlight.result!.get()
        }
        misses += 1
        let mine = Pending()
        pending[key] = mine
        condition.unlock()

        let result: Result<DepthEstimate, SynthesisError>
        do throws(SynthesisError) { result = .success(try compute()) } catch { result = .failure(error) }

        condition.lock()
        pending[key] = nil
        mine.result = result
        if case let .success(estimate) = result { insert(estimate, for: key) }
        condition.broadcast()
        condition.unlock()
        return try result.get()
    }

    public var statistics: (hits: Int, misses: Int, evictions: Int, bytes: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (hits, misses, evictions, bytes)
    }

    /// Adds an estimate and evicts least recently used ones until the cap holds; call locked.
    private func insert(_ estimate: DepthEstimate, for key: Key) {
        let size = estimate.byteCount
        guard size <= capacityBytes else { return }
        while bytes + size > capacityBytes, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
            bytes -= oldest.value.estimate.byteCount
            evictions += 1
        }
        clock += 1
        entries[key] = Entry(estimate: estimate, lastUse: clock)
        bytes += size
    }
}

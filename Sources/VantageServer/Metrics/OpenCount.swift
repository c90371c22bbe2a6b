import Prometheus
import VantageTransport

/// How many of something are open now (sessions, streams), kept exactly and mirrored in a gauge.
final class OpenCount: Sendable {
    private let gauge: Gauge
    private let count = Locked(0)

    init(_ gauge: Gauge) { self.gauge = gauge }

    var current: Int { count.current }

    /// Counts one more open unless `limit` are open already; false then. Checking and counting
    /// in one step keeps a burst of arrivals from overshooting the limit.
    func open(limit: Int) -> Bool {
        guard let now = count.withLock({ (count: inout Int) -> Int? in
            guard count < limit else { return nil }
            count += 1
            return count
        }) else { return false }
        gauge.set(to: Double(now))
        return true
    }

    func closed() { gauge.set(to: Double(count.withLock { $0 -= 1; return $0 })) }
}

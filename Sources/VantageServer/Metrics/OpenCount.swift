import Prometheus
import VantageTransport

/// How many of something are open now (sessions, streams), kept exactly and mirrored in a gauge.
final class OpenCount: Sendable {
    private let gauge: Gauge
    private let count = Locked(0)

    init(_ gauge: Gauge) { self.gauge = gauge }

    var current: Int { count.current }

    func opened() { gauge.set(to: Double(count.withLock { $0 += 1; return $0 })) }
    func closed() { gauge.set(to: Double(count.withLock { $0 -= 1; return $0 })) }
}

import Prometheus
import VantageTransport

/// A cache's counters in Prometheus (`vantage_cache_*{cache="…"}`), brought up to the cache's
/// own running totals at scrape time.
final class CacheMetrics: Sendable {
    /// Lookups answered from the cache, computed (or decoded) instead, entries evicted; bytes held.
    typealias Statistics = (hits: Int, misses: Int, evictions: Int, bytes: Int)

    private let hits: Counter
    private let misses: Counter
    private let evictions: Counter
    private let bytes: Gauge
    private let seen = Locked<(hits: Int, misses: Int, evictions: Int)>((0, 0, 0))

    init(_ registry: PrometheusCollectorRegistry, cache: String) {
        let labels = [("cache", cache)]
        func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "vantage", metricName: name, unitName: unit, helpText: help)
        }
        hits = registry.makeCounter(descriptor: descriptor("cache_hits", "total", "Lookups answered from the cache"), labels: labels)
        misses = registry.makeCounter(descriptor: descriptor("cache_misses", "total", "Lookups that had to compute or decode"), labels: labels)
        evictions = registry.makeCounter(descriptor: descriptor("cache_evictions", "total", "Entries evicted to stay under the cap"), labels: labels)
        bytes = registry.makeGauge(descriptor: descriptor("cache", "bytes", "Bytes held by the cache"), labels: labels)
    }

    /// Brings the counters up to `statistics`, the cache's totals since it was made.
    func update(_ statistics: Statistics) {
        let (newHits, newMisses, newEvictions) = seen.withLock { seen in
            defer { seen = (statistics.hits, statistics.misses, statistics.evictions) }
            return (statistics.hits - seen.hits, statistics.misses - seen.misses, statistics.evictions - seen.evictions)
        }
        if newHits > 0 { hits.increment(by: Int64(newHits)) }
        if newMisses > 0 { misses.increment(by: Int64(newMisses)) }
        if newEvictions > 0 { evictions.increment(by: Int64(newEvictions)) }
        bytes.set(to: Double(statistics.bytes))
    }
}

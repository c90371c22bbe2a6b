import Metrics
import Prometheus

extension ServerMetrics {
    /// Makes this registry the process's swift-metrics backend, so what lower layers count (the
    /// ingest subscriber's frames, bytes, loss and late frames per camera; the recorder's rates
    /// and sync offsets) appears in `/metrics` too. Once per process, before those layers start.
    public func exportProcessMetrics() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }
}

import Prometheus

/// The server's Prometheus metrics, in a registry of its own (no process-wide bootstrap, so
/// several servers, as in tests, never collide). `GET /metrics` emits `registry`.
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    /// Time from a job's start on the render thread to its encoded image: novel views, camera frames.
    let viewRenderSeconds: DurationHistogram
    let cameraFrameSeconds: DurationHistogram
    /// Jobs on the render thread: waiting plus running.
    let renderQueueDepth: Gauge
    /// Render requests refused because the queue was full.
    let renderQueueRejections: Counter
    /// Requests refused by the per-client rate limit.
    let rateLimited: Counter

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let buckets: [Duration] = [.milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                                   .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30)]
        let render = Self.descriptor("render", "seconds", "Time to render and encode one still on the render thread")
        viewRenderSeconds = registry.makeDurationHistogram(descriptor: render, labels: [("kind", "view")], buckets: buckets)
        cameraFrameSeconds = registry.makeDurationHistogram(descriptor: render, labels: [("kind", "camera_frame")], buckets: buckets)
        renderQueueDepth = registry.makeGauge(descriptor: Self.descriptor("render_queue", "depth", "Render jobs waiting or running"))
        renderQueueRejections = registry.makeCounter(descriptor: Self.descriptor("render_queue_rejections", "total",
                                                                                 "Render requests refused because the queue was full"))
        rateLimited = registry.makeCounter(descriptor: Self.descriptor("rate_limited", "total", "Requests refused by the per-client rate limit"))
    }

    /// Counts one answered request under its status code.
    func countResponse(status: Int) {
        registry.makeCounter(descriptor: Self.descriptor("http_responses", "total", "HTTP responses by status code"),
                             labels: [("status", String(status))]).increment()
    }

    /// The metrics in Prometheus' text format.
    public func text() -> String { registry.emitToString() }

    private static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "vantage", metricName: name, unitName: unit, helpText: help)
    }
}

import Prometheus
import VantageTransport

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
    /// Connections whose first request could not be parsed (answered 400 and closed).
    let malformedRequests: Counter
    /// Requests being answered now.
    let requestsInFlight: Gauge
    /// Clients (remote addresses) that made a request in the last minute.
    let activeClients: Gauge
    /// The view model's depth cache and the replay decoder's decoded-frame cache.
    let depthCache: CacheMetrics
    let decodedFrameCache: CacheMetrics
    /// Interactive viewer sessions (WebSockets) open now.
    let sessions: OpenCount
    /// Frames (and their encoded bytes) sent to sessions; view requests replaced before they were rendered; sessions
    /// closed because their client stopped taking frames.
    let sessionFrames: Counter
    /// From a view request's arrival to its frame handed to the socket: moving (half size) and at rest.
    let sessionLatencyMoving: DurationHistogram
    let sessionLatencyResting: DurationHistogram
    let sessionBytes: Counter
    let sessionRequestsDropped: Counter
    let sessionsClosedSlow: Counter
    /// MPEG-TS streams playing now, and the frames sent to them.
    let streams: OpenCount
    let streamFrames: Counter

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
        malformedRequests = registry.makeCounter(descriptor: Self.descriptor("http_malformed_requests", "total",
                                                                             "Connections whose first request could not be parsed, answered 400 and closed"))
        requestsInFlight = registry.makeGauge(descriptor: Self.descriptor("http_requests_in_flight", "count", "HTTP requests being answered"))
        activeClients = registry.makeGauge(descriptor: Self.descriptor("clients_active", "count", "Clients that made a request in the last minute"))
        depthCache = CacheMetrics(registry, cache: "depth")
        decodedFrameCache = CacheMetrics(registry, cache: "decoded_frames")
        sessions = OpenCount(registry.makeGauge(descriptor: Self.descriptor("sessions_active", "count", "Interactive viewer sessions open")))
        let latency = Self.descriptor("session_frame_latency", "seconds", "From a view request's arrival to its encoded frame leaving the server")
        sessionLatencyMoving = registry.makeDurationHistogram(descriptor: latency, labels: [("camera", "moving")], buckets: buckets)
        sessionLatencyResting = registry.makeDurationHistogram(descriptor: latency, labels: [("camera", "resting")], buckets: buckets)
        streams = OpenCount(registry.makeGauge(descriptor: Self.descriptor("streams_active", "count", "MPEG-TS streams playing")))
        streamFrames = registry.makeCounter(descriptor: Self.descriptor("stream_frames", "total", "Frames sent to MPEG-TS streams"))
        sessionFrames = registry.makeCounter(descriptor: Self.descriptor("session_frames", "total", "Frames sent to interactive sessions"))
        sessionBytes = registry.makeCounter(descriptor: Self.descriptor("session_frame", "bytes_total", "Bytes of encoded frames sent to interactive sessions"))
        sessionRequestsDropped = registry.makeCounter(descriptor: Self.descriptor("session_requests_dropped", "total",
                                                                                  "View requests replaced by a newer one before they were rendered"))
        sessionsClosedSlow = registry.makeCounter(descriptor: Self.descriptor("sessions_closed_slow", "total",
                                                                              "Sessions closed because their client stopped taking frames"))
    }

    /// Interactive sessions open now.
    public var activeSessions: Int { sessions.current }

    /// MPEG-TS streams playing now.
    public var activeStreams: Int { streams.current }


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

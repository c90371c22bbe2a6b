import Hummingbird

extension Router<VantageRequestContext> {
    /// `GET /metrics`: Prometheus text exposition of the server's metrics.
    func addMetricsRoute(service: RenderService, rateLimit: RateLimitMiddleware) {
        get("/metrics") { _, _ -> Response in
            service.metrics.renderQueueDepth.set(to: Double(service.queueDepth))
            service.metrics.activeClients.set(to: Double(rateLimit.buckets.active(within: 60, now: rateLimit.now)))
            service.metrics.depthCache.update(service.depthCache.statistics)
            service.metrics.decodedFrameCache.update(service.decoder.cacheStatistics)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: service.metrics.text())))
        }
    }
}

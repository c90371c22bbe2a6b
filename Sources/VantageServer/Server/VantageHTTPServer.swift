import Hummingbird
import HummingbirdWebSocket
import Logging

/// The HTTP API over a `RenderService`: routes, rate limit and response counting.
public enum VantageHTTPServer {
    /// Every route of the API (described in Resources/openapi.yaml).
    public static func router(service: RenderService) -> Router<VantageRequestContext> {
        let router = Router(context: VantageRequestContext.self)
        router.add(middleware: StatusCountingMiddleware(metrics: service.metrics))
        let rateLimit = RateLimitMiddleware(options: service.options, metrics: service.metrics)
        router.add(middleware: rateLimit)
        router.addHealthRoute(service: service)
        router.addRigRoute(service: service)
        router.addReplayRoute(service: service)
        router.addRenderRoutes(service: service)
        router.addCameraFrameRoute(service: service)
        router.addJobRoutes(service: service, token: service.options.directorToken.flatMap(DirectorToken.init))
        router.addOpenAPIRoute()
        router.addMetricsRoute(service: service, rateLimit: rateLimit)
        router.addWebRoutes()
        router.addSessionRoute(service: service)
        router.addStreamRoute(service: service)
        return router
    }

    /// The application listening on `host:port` (port 0 picks a free one).
    public static func application(service: RenderService, host: String, port: Int, logger: Logger? = nil,
                                   onServerRunning: @escaping @Sendable (Int?) async -> Void = { _ in })
        -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "vantage.server")
        if logger.logLevel > .info { logger.logLevel = .info }
        return Application(router: router(service: service),
                           server: .http1WebSocketUpgradeAnsweringMalformedRequests(webSocketRouter: router(service: service), malformed: service.metrics.malformedRequests),
                           configuration: .init(address: .hostname(host, port: port), serverName: "vantage"),
                           onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
                           logger: logger)
    }
}

import Hummingbird
import HummingbirdWebSocket

extension Router<VantageRequestContext> {
    /// `GET /api/session`, upgraded to a WebSocket: an interactive view (see `ViewSession`).
    /// Refused with 503 beyond the server's session limit.
    func addSessionRoute(service: RenderService) {
        ws("/api/session") { _, _ in
            guard service.metrics.activeSessions < service.options.maxSessions else {
                throw APIError(.serviceUnavailable, "this server already has \(service.options.maxSessions) viewer sessions; try again later")
            }
            return .upgrade()
        } onUpgrade: { inbound, outbound, _ in
            try await ViewSession(service: service).run(inbound: inbound, outbound: outbound)
        }
    }
}

import Hummingbird
import HummingbirdWebSocket
import NIOCore

extension Router<VantageRequestContext> {
    /// `GET /api/session?codec=jpeg|h264`, upgraded to a WebSocket: an interactive view (see
    /// `ViewSession`). Refused with 503 beyond the server's session limit.
    func addSessionRoute(service: RenderService) {
        ws("/api/session") { request, context in
            _ = try SessionCodec(request.uri.queryParameters.get("codec"))
            guard service.metrics.activeSessions < service.options.maxSessions else {
                throw APIError(.serviceUnavailable, ViewSession.fullMessage(service.options.maxSessions))
            }
            // A small kernel send buffer: a slow client's frames wait in the mailbox (where a newer
            // view replaces them) rather than queue, stale, in the socket.
            try? await context.channel.setOption(.socketOption(.so_sndbuf), value: ChannelOptions.Types.SocketOption.Value(ViewSession.socketSendBufferBytes)).get()
            return .upgrade()
        } onUpgrade: { inbound, outbound, context in
            let codec = try SessionCodec(context.request.uri.queryParameters.get("codec"))
            try await ViewSession(service: service, encoder: codec.makeEncoder()).run(inbound: inbound, outbound: outbound)
        }
    }
}

/// How a session's frames are coded: `jpeg` (the default) or `h264`, access units for WebCodecs.
enum SessionCodec {
    case jpeg
    case h264

    init(_ text: String?) throws(APIError) {
        switch text?.lowercased() {
        case nil, "jpeg", "jpg": self = .jpeg
        case "h264", "avc": self = .h264
        case let other?: throw .badRequest("codec: expected \"jpeg\" or \"h264\", found \"\(other)\"")
        }
    }

    func makeEncoder() -> any ViewEncoder {
        switch self {
        case .jpeg: JPEGViewEncoder()
        case .h264: H264ViewEncoder()
        }
    }
}

import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of every route: Hummingbird's core storage plus the peer's address,
/// which keys the per-client rate limit, the connection (for its socket options), and the
/// WebSocket upgrade's handler.
public struct VantageRequestContext: RequestContext, RemoteAddressRequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The client's connection.
    let channel: any Channel
    /// Where a matched WebSocket route leaves its handler for the upgrade.
    public let webSocket: WebSocketHandlerReference<Self>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        channel = source.channel
        webSocket = .init()
    }

    /// Request bodies are small JSON documents.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The client the rate limit counts against: the peer's IP address ("local" without one).
    var clientKey: String { remoteAddress?.ipAddress ?? "local" }
}

import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core storage plus the peer's address,
/// which keys the per-client rate limit.
public struct VantageRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies are small JSON documents.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The client the rate limit counts against: the peer's IP address ("local" without one).
    var clientKey: String { remoteAddress?.ipAddress ?? "local" }
}

import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1
import Prometheus

extension HTTPServerBuilder {
    /// HTTP/1.1 with WebSocket upgrades through `webSocketRouter`, like hummingbird-websocket's
    /// `http1WebSocketUpgrade`, but a connection whose first request cannot be parsed is answered
    /// with 400 and closed: the upgrade pipeline turns NIO's protocol error handler off and would
    /// leave such a connection open and unanswered. `malformed` counts those connections.
    static func http1WebSocketUpgradeAnsweringMalformedRequests<Builder: HTTPResponderBuilder>(webSocketRouter: Builder, malformed: Counter)
        -> HTTPServerBuilder where Builder.Responder.Context: WebSocketRequestContext {
        let webSocketResponder = webSocketRouter.buildResponder()
        return HTTPServerBuilder { responder in
            MalformedFirstRequestAnswering(inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: webSocketResponder,
                                                                              configuration: .init()),
                                           malformed: malformed)
        }
    }
}

/// `inner`'s child channel with a `MalformedFirstRequestHandler` right after the request decoder.
struct MalformedFirstRequestAnswering<Inner: ServerChildChannel>: ServerChildChannel {
    let inner: Inner
    let malformed: Counter

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Inner.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(MalformedFirstRequestHandler(malformed: malformed), position: .after(decoder))
            return value
        }
    }

    func handle(value: Inner.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// Answers a parse error before the connection's first request with 400 (a JSON `error` naming
/// what NIO could not parse), closes the connection, and passes the error on (the upgrade then
/// fails as it did before). It leaves once a request has parsed: Hummingbird answers the errors
/// of later requests itself.
final class MalformedFirstRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    private let malformed: Counter

    init(malformed: Counter) { self.malformed = malformed }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError else { return context.fireErrorCaught(error) }
        malformed.increment()
        let body = (try? JSONEncoder().encode(["error": "malformed HTTP request: \(parseError)"])) ?? Data()
        var headers = HTTPHeaders([("Connection", "close"), ("Content-Type", "application/json; charset=utf-8")])
        headers.add(name: "Content-Length", value: String(body.count))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .badRequest, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }
}

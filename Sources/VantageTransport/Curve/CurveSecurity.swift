import CZMQ

/// CURVE settings of one link. The subscriber is the CURVE server (it owns the long-term key
/// publishers must know, and decides whom to accept); publishers are clients with their own keys.
public enum CurveSecurity: Sendable, Hashable {
    /// Publisher side: this node's key pair and the subscriber's public key.
    case client(own: CurveKeyPair, serverKey: CurveKey)
    /// Subscriber side: this node's key pair and the publishers' public keys it accepts.
    case server(own: CurveKeyPair, allowedClients: Set<CurveKey>)

    func apply(to socket: ZMQSocket) throws(TransportError) {
        switch self {
        case let .client(own, serverKey):
            guard let secret = own.secretKey else { throw TransportError(.keyFile, "the publisher's certificate has no secret key") }
            try socket.set(ZMQ_CURVE_SERVERKEY, bytes: serverKey.bytes)
            try socket.set(ZMQ_CURVE_PUBLICKEY, bytes: own.publicKey.bytes)
            try socket.set(ZMQ_CURVE_SECRETKEY, bytes: secret.bytes)
        case let .server(own, _):
            guard let secret = own.secretKey else { throw TransportError(.keyFile, "the subscriber's certificate has no secret key") }
            try socket.set(ZMQ_CURVE_SERVER, Int32(1))
            try socket.set(ZMQ_CURVE_SECRETKEY, bytes: secret.bytes)
            try socket.set(ZMQ_ZAP_DOMAIN, bytes: Array("vantage".utf8))
        }
    }
}

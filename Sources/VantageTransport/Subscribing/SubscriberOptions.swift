/// How a subscriber connects and what it accepts.
public struct SubscriberOptions: Sendable {
    /// Publisher endpoints to connect to, e.g. "tcp://10.0.0.5:5555".
    public var endpoints: [String]
    /// Only frames of this rig are subscribed to (all rigs when nil).
    public var rig: String?
    /// Camera names the rig has; frames of other cameras are counted and dropped (all accepted when nil).
    public var cameras: Set<String>?
    /// Messages libzmq queues for this subscriber before the publisher starts dropping (ZMQ_RCVHWM).
    public var receiveHighWaterMark: Int32 = 1000
    /// Largest payload accepted; larger messages are refused by libzmq itself (ZMQ_MAXMSGSIZE).
    public var maxPayloadBytes = WireProtocol.defaultMaxPayloadBytes
    /// A frame whose capture time trails the newest one seen by more than this is counted as late.
    public var lateToleranceMicroseconds: Int64 = 1_000_000
    /// CURVE server settings; plain TCP when nil.
    public var curve: CurveSecurity?

    public init(endpoints: [String]) { self.endpoints = endpoints }

    public func validate() throws(TransportError) {
        guard !endpoints.isEmpty else { throw TransportError(.invalidOption, "no endpoint to subscribe to") }
        for endpoint in endpoints where !endpoint.contains("://") {
            throw TransportError(.invalidOption, "endpoint \"\(endpoint)\" needs a transport, e.g. tcp://127.0.0.1:5555")
        }
        guard receiveHighWaterMark > 0 else { throw TransportError(.invalidOption, "receive high-water mark must be positive") }
        guard maxPayloadBytes > 0 else { throw TransportError(.invalidOption, "payload limit must be positive") }
        if let rig, !WireProtocol.isValidName(rig) { throw TransportError(.invalidOption, "rig name \"\(rig)\" cannot be a topic") }
        if case .client = curve { throw TransportError(.invalidOption, "a subscriber is the CURVE server; give it its own secret key and the publishers' public keys") }
    }
}

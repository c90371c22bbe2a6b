/// How a publisher binds and what it does when subscribers fall behind.
public struct PublisherOptions: Sendable {
    /// Where to bind, e.g. "tcp://*:5555" ("tcp://127.0.0.1:*" picks a free port).
    public var endpoint: String
    /// The rig and node names that appear in topics and heartbeats.
    public var rig: String
    public var node: String
    /// Messages queued per subscriber (ZMQ_SNDHWM).
    public var sendHighWaterMark: Int32 = 200
    /// At the high-water mark: drop the frame (a live camera cannot wait; subscribers count the
    /// gap) when true, or wait for the subscriber to catch up (files, nothing lost) when false.
    public var dropWhenFull = true
    /// Seconds between heartbeats.
    public var heartbeatSeconds = 1.0
    /// CURVE client settings; plain TCP when nil.
    public var curve: CurveSecurity?

    public init(endpoint: String, rig: String, node: String) {
        self.endpoint = endpoint
        self.rig = rig
        self.node = node
    }

    public func validate() throws(TransportError) {
        guard endpoint.contains("://") else {
            throw TransportError(.invalidOption, "endpoint \"\(endpoint)\" needs a transport, e.g. tcp://*:5555")
        }
        guard WireProtocol.isValidName(rig) else { throw TransportError(.invalidOption, "rig name \"\(rig)\" cannot be a topic (no \"/\", not starting with \"@\")") }
        guard WireProtocol.isValidName(node) else { throw TransportError(.invalidOption, "node name \"\(node)\" cannot be a topic") }
        guard sendHighWaterMark > 0 else { throw TransportError(.invalidOption, "send high-water mark must be positive") }
        guard heartbeatSeconds > 0, heartbeatSeconds.isFinite else { throw TransportError(.invalidOption, "heartbeat interval must be positive") }
        if case .server = curve { throw TransportError(.invalidOption, "a publisher is a CURVE client; give it its own secret key and the subscriber's public key") }
    }
}

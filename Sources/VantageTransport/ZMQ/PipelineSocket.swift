import CZMQ

/// A PUSH or PULL socket, ZeroMQ's pipeline pattern (ventilator → workers → sink), for other
/// modules (the render farm). Like every socket: create it, use it and drop it on one thread.
/// Sends hand parts of 64 KiB or more to libzmq without a copy.
public final class PipelineSocket {
    public enum Role: Sendable {
        /// Sends; messages go round-robin to the connected peers.
        case push
        /// Receives, fair-queued from every connected peer.
        case pull
    }

    private let socket: ZMQSocket

    /// `highWaterMark`: messages queued per peer before sends would block (ZMQ_SNDHWM / ZMQ_RCVHWM).
    /// `maximumMessageBytes` (PULL): a peer sending a bigger message is disconnected before it is buffered.
    public init(context: ZMQContext, role: Role, highWaterMark: Int32 = 1000, maximumMessageBytes: Int64? = nil) throws(TransportError) {
        socket = try ZMQSocket(context, role == .push ? .push : .pull)
        try socket.set(role == .push ? ZMQ_SNDHWM : ZMQ_RCVHWM, highWaterMark)
        if let maximumMessageBytes { try socket.set(ZMQ_MAXMSGSIZE, int64: maximumMessageBytes) }
    }

    public func bind(_ endpoint: String) throws(TransportError) { try socket.bind(endpoint) }
    public func connect(_ endpoint: String) throws(TransportError) { try socket.connect(endpoint) }

    /// The endpoint actually bound, e.g. "tcp://127.0.0.1:41237" after binding "tcp://127.0.0.1:*".
    public func lastEndpoint() throws(TransportError) -> String { try socket.lastEndpoint() }

    /// Sends one multipart message; false when it would block (`dontWait`: no peer connected yet,
    /// or every peer's queue full), and nothing was queued then.
    @discardableResult
    public func send(_ parts: [[UInt8]], dontWait: Bool = false) throws(TransportError) -> Bool {
        try socket.send(parts, dontWait: dontWait)
    }

    /// All parts of the next message, or nil after `timeoutMilliseconds` (-1: forever) or a signal.
    public func receive(timeoutMilliseconds: Int32) throws(TransportError) -> [[UInt8]]? {
        try socket.receive(timeoutMilliseconds: timeoutMilliseconds)
    }
}

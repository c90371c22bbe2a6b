import CZMQ

/// A libzmq context: thread-safe, shared by every socket of a process. Sockets must be closed
/// (their owners gone) before the context is released.
public final class ZMQContext: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer

    public init() throws(TransportError) {
        guard let pointer = zmq_ctx_new() else { throw zmqFailure("creating a ZeroMQ context") }
        self.pointer = pointer
    }

    deinit { zmq_ctx_term(pointer) }
}

/// The error libzmq just reported, with what we were doing.
func zmqFailure(_ operation: String) -> TransportError {
    TransportError(.socket, "\(operation): \(String(cString: zmq_strerror(zmq_errno())))")
}

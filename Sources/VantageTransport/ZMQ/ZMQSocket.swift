import CZMQ
import Glibc

/// One libzmq socket. Not thread-safe: create it, use it and drop it on one thread.
final class ZMQSocket {
    enum Kind {
        case extendedPublisher, subscriber, reply, push, pull

        var rawValue: Int32 {
            switch self {
            case .extendedPublisher: ZMQ_XPUB
            case .subscriber: ZMQ_SUB
            case .reply: ZMQ_REP
            case .push: ZMQ_PUSH
            case .pull: ZMQ_PULL
            }
        }
    }

    private let pointer: UnsafeMutableRawPointer
    /// Kept alive while the socket is open: terminating a context waits for its sockets to close,
    /// so a context released first would block for ever.
    private let context: ZMQContext
    /// Which endpoint(s) this socket serves, for error messages.
    private(set) var endpoints: [String] = []

    init(_ context: ZMQContext, _ kind: Kind) throws(TransportError) {
        guard let pointer = zmq_socket(context.pointer, kind.rawValue) else { throw zmqFailure("creating a ZeroMQ socket") }
        self.pointer = pointer
        self.context = context
        // Closing never waits for unsent messages: a vanished peer must not hang shutdown.
        try set(ZMQ_LINGER, Int32(0))
    }

    deinit { zmq_close(pointer) }

    func set(_ option: Int32, _ value: Int32) throws(TransportError) {
        var value = value
        try check(zmq_setsockopt(pointer, option, &value, MemoryLayout<Int32>.size), "setting socket option \(option)")
    }

    func set(_ option: Int32, int64 value: Int64) throws(TransportError) {
        var value = value
        try check(zmq_setsockopt(pointer, option, &value, MemoryLayout<Int64>.size), "setting socket option \(option)")
    }

    func set(_ option: Int32, bytes: [UInt8]) throws(TransportError) {
        try check(bytes.withUnsafeBytes { zmq_setsockopt(pointer, option, $0.baseAddress, $0.count) },
                  "setting socket option \(option)")
    }

    func bind(_ endpoint: String) throws(TransportError) {
        try check(zmq_bind(pointer, endpoint), "binding \(endpoint)")
        endpoints.append(endpoint)
    }

    func connect(_ endpoint: String) throws(TransportError) {
        try check(zmq_connect(pointer, endpoint), "connecting to \(endpoint)")
        endpoints.append(endpoint)
    }

    /// The endpoint actually bound, e.g. "tcp://0.0.0.0:41237" after binding "tcp://*:*".
    func lastEndpoint() throws(TransportError) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        var size = buffer.count
        try check(zmq_getsockopt(pointer, ZMQ_LAST_ENDPOINT, &buffer, &size), "reading the bound endpoint")
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends one multipart message. Returns false when the send would block (high-water mark
    /// reached with `dontWait`); nothing of the message was queued then. Parts of
    /// `zeroCopyBytes` or more are handed to libzmq without copying (see `ZeroCopyPart`).
    @discardableResult
    func send(_ parts: [[UInt8]], dontWait: Bool = false) throws(TransportError) -> Bool {
        for (index, part) in parts.enumerated() {
            var flags: Int32 = index < parts.count - 1 ? ZMQ_SNDMORE : 0
            if dontWait { flags |= ZMQ_DONTWAIT }
            while sendPart(part, flags: flags) < 0 {
                let error = zmq_errno()
                if error == EINTR { continue }
                // Only the first part can be refused by the high-water mark; later parts always queue.
                if error == EAGAIN && index == 0 { return false }
                throw zmqFailure("sending on \(endpoints.joined(separator: ", "))")
            }
        }
        return true
    }

    /// Parts this large go out without a copy; smaller ones are cheaper to copy than to track.
    static let zeroCopyBytes = 64 << 10

    private func sendPart(_ part: [UInt8], flags: Int32) -> Int32 {
        guard part.count >= Self.zeroCopyBytes else {
            return part.withUnsafeBytes { zmq_send(pointer, $0.baseAddress, $0.count, flags) }
        }
        var message = ZeroCopyPart.message(holding: part)
        let sent = zmq_msg_send(&message, pointer, flags)
        // On failure the message is still ours: closing it releases the bytes.
        if sent < 0 { zmq_msg_close(&message) }
        return sent
    }

    /// Waits up to `timeoutMilliseconds` (-1: forever) for a message and returns all its parts,
    /// or nil on timeout or interruption by a signal.
    func receive(timeoutMilliseconds: Int32) throws(TransportError) -> [[UInt8]]? {
        var item = zmq_pollitem_t(socket: pointer, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        let ready = zmq_poll(&item, 1, Int(timeoutMilliseconds))
        if ready < 0 {
            if zmq_errno() == EINTR { return nil }
            throw zmqFailure("polling \(endpoints.joined(separator: ", "))")
        }
        guard ready > 0 else { return nil }
        var parts: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        repeat {
            while zmq_msg_recv(&message, pointer, 0) < 0 {
                if zmq_errno() == EINTR { continue }
                throw zmqFailure("receiving on \(endpoints.joined(separator: ", "))")
            }
            let size = zmq_msg_size(&message)
            let data = zmq_msg_data(&message)
            parts.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
        } while zmq_msg_more(&message) != 0
        return parts
    }

    private func check(_ result: Int32, _ operation: String) throws(TransportError) {
        guard result == 0 else { throw zmqFailure(operation) }
    }
}

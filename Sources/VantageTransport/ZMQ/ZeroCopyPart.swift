import CZMQ

/// Lends an array's bytes to libzmq instead of copying them: the message points into the array's
/// storage, and a retained box keeps that storage alive (and, being immutable, in place) until
/// libzmq has sent the bytes and calls the free function, on its I/O thread.
enum ZeroCopyPart {
    private final class Box {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// A message over `bytes` (not empty); the caller sends it or closes it.
    static func message(holding bytes: [UInt8]) -> zmq_msg_t {
        precondition(!bytes.isEmpty, "zero-copy parts are never empty")
        let box = Box(bytes)
        // A native array's elements live in its storage object, which `box` keeps alive and unchanged.
        let base = box.bytes.withUnsafeBytes { UnsafeMutableRawPointer(mutating: $0.baseAddress!) }
        var message = zmq_msg_t()
        let hint = Unmanaged.passRetained(box).toOpaque()
        let result = zmq_msg_init_data(&message, base, bytes.count, { _, hint in
            if let hint { Unmanaged<Box>.fromOpaque(hint).release() }
        }, hint)
        precondition(result == 0, "zmq_msg_init_data cannot fail with a free function")
        return message
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A client on a bare TCP socket to 127.0.0.1, for clients that misbehave as no library would
/// let them: one that never reads, one that hangs up in the middle of a frame.
final class RawSocket {
    private let descriptor: Int32
    private var isClosed = false

    /// Connects to 127.0.0.1:`port`. `receiveBuffer` shrinks the socket's receive buffer first,
    /// so a client that stops reading stalls the server soon.
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawSocketError("socket: errno \(errno)") }
        if var size = receiveBuffer {
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw RawSocketError("connect to port \(port): errno \(errno)") }
    }

    deinit { if !isClosed { close(descriptor) } }

    /// Up to `count` bytes as they arrive; empty once the server has closed. Waits by sleeping,
    /// never by blocking a thread that runs tasks: the server under test runs on them too.
    func read(count: Int, within seconds: Double = 60) async throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let deadline = ContinuousClock.now + .seconds(seconds)
        while true {
            let received = recv(descriptor, &buffer, count, Int32(MSG_DONTWAIT))
            if received >= 0 { return Array(buffer.prefix(received)) }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { throw RawSocketError("recv: errno \(errno)") }
            guard ContinuousClock.now < deadline else { throw RawSocketError("nothing to read for \(seconds) s") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Reads up to and including the blank line that ends an HTTP head; returns the head.
    func readHead() async throws -> String {
        var head: [UInt8] = []
        while !head.ends(with: Array("\r\n\r\n".utf8)) {
            guard let byte = try await read(count: 1).first else { throw RawSocketError("the server hung up in the response head") }
            head.append(byte)
        }
        return String(decoding: head, as: UTF8.self)
    }

    /// Reads a response body up to the server's close (ask for it with `Connection: close`),
    /// dechunked if `chunked`. Each read may wait up to `seconds`, so a slow server is waited
    /// for as long as it keeps sending.
    func readBodyToClose(chunked: Bool, within seconds: Double = 120) async throws -> [UInt8] {
        var received: [UInt8] = []
        while case let bytes = try await read(count: 65536, within: seconds), !bytes.isEmpty { received += bytes }
        return chunked ? try Self.dechunk(received) : received
    }

    /// The payload of a chunked body: hexadecimal size, CRLF, bytes, CRLF; a size of 0 ends it.
    private static func dechunk(_ body: [UInt8]) throws -> [UInt8] {
        var payload: [UInt8] = []
        var index = 0
        while true {
            guard let lineEnd = (index..<max(index, body.count - 1)).first(where: { body[$0] == 13 && body[$0 + 1] == 10 }),
                  let size = Int(String(decoding: body[index..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16)
            else { throw RawSocketError("a chunk size line is malformed at byte \(index)") }
            if size == 0 { return payload }
            let start = lineEnd + 2
            guard start + size + 2 <= body.count else { throw RawSocketError("the body ends inside a \(size)-byte chunk") }
            payload += body[start..<(start + size)]
            index = start + size + 2
        }
    }

    /// Hangs up at once with a reset, whatever is in flight.
    func abort() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(descriptor)
        isClosed = true
    }

    func sendAll(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard result > 0 else { throw RawSocketError("send: errno \(errno)") }
            sent += result
        }
    }
}

/// A WebSocket client on a `RawSocket`.
final class RawWebSocket {
    let socket: RawSocket

    /// Connects to `path` on 127.0.0.1:`port` and completes the upgrade.
    init(port: Int, path: String, receiveBuffer: Int32? = nil) async throws {
        socket = try RawSocket(port: port, receiveBuffer: receiveBuffer)
        try socket.sendAll(Array("""
            GET \(path) HTTP/1.1\r
            Host: 127.0.0.1:\(port)\r
            Upgrade: websocket\r
            Connection: Upgrade\r
            Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
            Sec-WebSocket-Version: 13\r
            \r

            """.utf8))
        let head = try await socket.readHead()
        guard head.hasPrefix("HTTP/1.1 101 ") else { throw RawSocketError("upgrade refused: \(head.prefix { $0 != "\r" })") }
    }

    /// Sends one masked text frame (clients must mask).
    func send(text: String) throws {
        let payload = Array(text.utf8)
        var frame: [UInt8] = [0x81]
        switch payload.count {
        case ..<126: frame.append(0x80 | UInt8(payload.count))
        case ..<65536: frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xff)]
        default: frame.append(0x80 | 127); frame += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try socket.sendAll(frame)
    }

    func read(count: Int) async throws -> [UInt8] { try await socket.read(count: count) }

    func abort() { socket.abort() }
}

struct RawSocketError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}

import Foundation
import HummingbirdWebSocket
import NIOCore

/// Writes a session's messages one at a time, so a frame's header and bytes stay together. A
/// write that the client does not take within `timeout` (it stopped reading, and the socket's
/// buffers are full) throws `SlowClient`, which ends the session.
actor FrameSender {
    let outbound: WebSocketOutboundWriter
    let timeout: Duration

    init(outbound: WebSocketOutboundWriter, timeout: Duration) {
        self.outbound = outbound
        self.timeout = timeout
    }

    func frame(_ header: FrameHeaderMessage, bytes: [UInt8]) async throws {
        try await write(.text(Self.json(header)))
        try await write(.binary(ByteBuffer(bytes: bytes)))
    }

    func error(id: Int, _ message: String) async throws {
        try await write(.text(Self.json(FrameHeaderMessage(id: id, error: message))))
    }

    private func write(_ frame: WebSocketOutboundWriter.OutboundFrame) async throws {
        let outbound = outbound, timeout = timeout
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await outbound.write(frame)
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let written = try await group.next() ?? false
            group.cancelAll()
            guard written else { throw SlowClient(timeout: timeout) }
        }
    }

    private static func json(_ header: FrameHeaderMessage) throws -> String {
        String(decoding: try JSONEncoder().encode(header), as: UTF8.self)
    }
}

/// A session's client took no frame for `timeout`.
struct SlowClient: Error, CustomStringConvertible {
    let timeout: Duration
    var description: String { "the client took no frame for \(timeout)" }
}

import Foundation
import Logging

/// Answers libzmq's ZAP requests (RFC 27) for one context: a CURVE peer whose public key is not
/// in `allowedClients` is refused before any of its messages reach a socket.
///
/// Must start before the CURVE server socket handshakes; stops when released or on `stop()`.
public final class ZAPAuthenticator: Sendable {
    /// One refused handshake: the peer's address and the key it presented.
    public struct Refusal: Sendable, Hashable {
        public let address: String
        public let publicKey: String
    }

    private let running = Locked(true)
    private let refusalLog = Locked<[Refusal]>([])
    private let finished = DispatchSemaphore(value: 0)

    public init(context: ZMQContext, allowedClients: Set<CurveKey>, logger: Logger) throws(TransportError) {
        let started = Locked<Result<Void, TransportError>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        let allowed = Set(allowedClients.map(\.bytes))
        Thread.detachNewThread { [running, refusalLog, finished] in
            defer { finished.signal() }
            let socket: ZMQSocket
            do throws(TransportError) {
                socket = try ZMQSocket(context, .reply)
                try socket.bind("inproc://zeromq.zap.01")
                started.withLock { $0 = .success(()) }
                ready.signal()
            } catch {
                started.withLock { $0 = .failure(error) }
                ready.signal()
                return
            }
            while running.current {
                guard let request = try? socket.receive(timeoutMilliseconds: 100) else { continue }
                let reply = Self.answer(request, allowed: allowed) { refusal in
                    refusalLog.withLock { $0.append(refusal) }
                    logger.warning("refused a CURVE peer at \(refusal.address): its public key \(refusal.publicKey) is not allowed")
                }
                _ = try? socket.send(reply.map { Array($0.utf8) })
            }
        }
        ready.wait()
        if case let .failure(error) = started.current { throw error }
    }

    deinit { stop() }

    /// Handshakes refused so far.
    public var refusals: [Refusal] { refusalLog.current }

    public func stop() {
        let wasRunning = running.withLock { value in
            defer { value = false }
            return value
        }
        if wasRunning { finished.wait() }
    }

    /// The reply to one request: version, request id, status code and text, user id, metadata.
    private static func answer(_ request: [[UInt8]], allowed: Set<[UInt8]>, refused: (Refusal) -> Void) -> [String] {
        guard request.count >= 6, String(decoding: request[0], as: UTF8.self) == "1.0" else {
            return ["1.0", request.count > 1 ? String(decoding: request[1], as: UTF8.self) : "", "500", "malformed ZAP request", "", ""]
        }
        let requestID = String(decoding: request[1], as: UTF8.self)
        let address = String(decoding: request[3], as: UTF8.self)
        let mechanism = String(decoding: request[5], as: UTF8.self)
        guard mechanism == "CURVE", request.count >= 7 else {
            refused(Refusal(address: address, publicKey: "(mechanism \(mechanism))"))
            return ["1.0", requestID, "400", "CURVE required", "", ""]
        }
        let key = request[6]
        guard allowed.contains(key) else {
            refused(Refusal(address: address, publicKey: CurveKey(bytes: key)?.z85 ?? "(not 32 bytes)"))
            return ["1.0", requestID, "400", "unknown public key", "", ""]
        }
        return ["1.0", requestID, "200", "OK", CurveKey(bytes: key)?.z85 ?? "", ""]
    }
}

import Foundation
import Glibc
import Testing
@testable import VantageTransport

/// A peer that speaks ZMTP 3.0 by hand over a plain TCP socket, so a test can die in the middle
/// of a message the way a crashed publisher would.
private final class DyingPeer: Sendable {
    let port: UInt16
    private let listener: Int32

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound else { throw TransportError(.socket, "cannot listen on 127.0.0.1") }
        self.listener = listener
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Accepts the subscriber, greets it as a PUB, sends the topic and header parts of `frame`,
    /// then a payload frame announcing a megabyte, writes a kilobyte of it and hangs up.
    func dieMidPayload(of frame: WireFrame) {
        let connection = accept(listener, nil, nil)
        defer {
            close(connection)
            close(listener)
        }
        var greeting = [UInt8](repeating: 0, count: 64)
        greeting[0] = 0xFF
        greeting[9] = 0x7F
        greeting[10] = 3
        for (index, byte) in "NULL".utf8.enumerated() { greeting[12 + index] = byte }
        write(connection, greeting)
        let socketType = Array("Socket-Type".utf8), pub = Array("PUB".utf8)
        let ready: [UInt8] = [5] + Array("READY".utf8) + [UInt8(socketType.count)] + socketType + [0, 0, 0, UInt8(pub.count)] + pub
        write(connection, [0x04, UInt8(ready.count)] + ready)
        let (topic, header) = WireProtocol.encodeParts(of: frame.header)
        write(connection, [0x01, UInt8(topic.count)] + topic)
        write(connection, [0x01, UInt8(header.count)] + header)
        write(connection, [0x02, 0, 0, 0, 0, 0, 0x10, 0, 0] + [UInt8](repeating: 7, count: 1024))
        Thread.sleep(forTimeInterval: 0.3)
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}

@Suite(.serialized) struct HalfSentMessageTests {
    @Test func aPublisherThatDiesMidPacketLosesOnlyThatPacket() throws {
        let context = try ZMQContext()
        let peer = try DyingPeer()
        let publisher = try Loopback.publisher(context)
        let subscriber = try Loopback.subscriber(context, to: ["tcp://127.0.0.1:\(peer.port)", publisher.boundEndpoint])
        let frame = TestFrames.compressed(camera: "cam02")
        let hungUp = Locked(false)
        let dying = Thread {
            peer.dieMidPayload(of: frame)
            hungUp.withLock { $0 = true }
        }
        dying.start()
        #expect(publisher.waitForSubscriber(seconds: 5))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try subscriber.next(timeoutMilliseconds: 300) == nil)
        #expect(hungUp.current, "the subscriber never connected to the dying peer")
        for sequence in 0..<3 {
            let good = TestFrames.compressed(capture: Int64(sequence))
            try publisher.publish(good.header, payload: good.payload)
        }
        let received = try Loopback.receiveFrames(subscriber, count: 3)
        #expect(received.map(\.header.camera) == ["cam01", "cam01", "cam01"])
        #expect(subscriber.counters.cameras["cam02"] == nil)
    }
}

extension SubscriberEvent: Equatable {
    public static func == (lhs: SubscriberEvent, rhs: SubscriberEvent) -> Bool {
        switch (lhs, rhs) {
        case let (.frame(a), .frame(b)): a == b
        case let (.status(a), .status(b)): a == b
        default: false
        }
    }
}

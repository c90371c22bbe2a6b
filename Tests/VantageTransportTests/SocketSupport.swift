import Foundation
import Logging
@testable import VantageTransport

/// Live sockets on 127.0.0.1 for the transport tests.
enum Loopback {
    static let logger = Logger(label: "vantage.tests")

    static func publisher(_ context: ZMQContext, curve: CurveSecurity? = nil, dropWhenFull: Bool = false,
                          highWaterMark: Int32 = 200) throws -> FramePublisher {
        var options = PublisherOptions(endpoint: "tcp://127.0.0.1:*", rig: "pitch", node: "test-node")
        options.curve = curve
        options.dropWhenFull = dropWhenFull
        options.sendHighWaterMark = highWaterMark
        return try FramePublisher(context: context, options: options)
    }

    static func subscriber(_ context: ZMQContext, to endpoints: [String], cameras: Set<String>? = nil,
                           curve: CurveSecurity? = nil, highWaterMark: Int32 = 1000) throws -> FrameSubscriber {
        var options = SubscriberOptions(endpoints: endpoints)
        options.rig = "pitch"
        options.cameras = cameras
        options.curve = curve
        options.receiveHighWaterMark = highWaterMark
        return try FrameSubscriber(context: context, options: options, logger: logger)
    }

    /// Frames received until `count` arrived or `seconds` passed without any message.
    static func receiveFrames(_ subscriber: FrameSubscriber, count: Int, idleSeconds: Double = 3) throws -> [WireFrame] {
        var frames: [WireFrame] = []
        while frames.count < count, let event = try subscriber.next(timeoutMilliseconds: Int32(idleSeconds * 1000)) {
            if case let .frame(frame) = event { frames.append(frame) }
        }
        return frames
    }
}

/// An XPUB socket that sends whatever parts a test gives it, valid or not.
final class RawPublisher {
    let socket: ZMQSocket
    let endpoint: String

    init(_ context: ZMQContext) throws {
        socket = try ZMQSocket(context, .extendedPublisher)
        try socket.bind("tcp://127.0.0.1:*")
        endpoint = try socket.lastEndpoint()
    }

    /// Waits until a subscriber's subscription arrives.
    func waitForSubscriber() throws {
        for _ in 0..<500 {
            if try socket.receive(timeoutMilliseconds: 10) != nil { return }
        }
        throw TransportError(.socket, "no subscriber connected to \(endpoint)")
    }

    func send(_ parts: [[UInt8]]) throws { try socket.send(parts) }
}

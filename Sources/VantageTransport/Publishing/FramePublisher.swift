import CZMQ
import Foundation
import VantageMedia

/// Publishes frames of one or more cameras of a rig, numbering each camera's frames, and sends
/// a heartbeat with its counters every `heartbeatSeconds`.
///
/// An XPUB socket underneath, so the publisher knows whether anyone is subscribed.
/// Not thread-safe: create and use it on one thread.
public final class FramePublisher {
    public let options: PublisherOptions
    /// The endpoint actually bound (with the port chosen when the options asked for "*").
    public let boundEndpoint: String
    /// Random per run: subscribers see a restart instead of a sequence that went back.
    public let streamID = UInt64.random(in: 1...UInt64.max)
    private let socket: ZMQSocket
    private var sequences: [String: UInt64] = [:]
    private var counters: [String: NodeStatus.CameraCounters] = [:]
    private var subscriptions = 0
    private let started = ContinuousClock.now
    private var nextHeartbeat = ContinuousClock.now

    public init(context: ZMQContext, options: PublisherOptions) throws(TransportError) {
        try options.validate()
        self.options = options
        socket = try ZMQSocket(context, .extendedPublisher)
        try socket.set(ZMQ_SNDHWM, options.sendHighWaterMark)
        if !options.dropWhenFull { try socket.set(ZMQ_XPUB_NODROP, Int32(1)) }
        try options.curve?.apply(to: socket)
        try socket.bind(options.endpoint)
        boundEndpoint = try socket.lastEndpoint()
    }

    /// Whether at least one subscriber is subscribed to a topic.
    public var hasSubscribers: Bool {
        readSubscriptions()
        return subscriptions > 0
    }

    /// Waits up to `seconds` for a first subscriber, or until `shouldStop` says so; true when one arrived.
    public func waitForSubscriber(seconds: Double, shouldStop: () -> Bool = { false }) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !hasSubscribers {
            if ContinuousClock.now >= deadline || shouldStop() { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    /// Sends one frame; the header's stream id, sequence and payload length are filled in here.
    /// With `dropWhenFull`, libzmq drops the frame for any subscriber whose queue is full (that
    /// subscriber sees the gap in the sequence); otherwise this waits until every queue has room.
    public func publish(_ header: FrameHeader, payload: [UInt8]) throws(TransportError) {
        precondition(header.rig == options.rig, "frame of rig \(header.rig) on a publisher of \(options.rig)")
        var header = header
        header.streamID = streamID
        header.sequence = sequences[header.camera, default: 0]
        header.payloadLength = payload.count
        sequences[header.camera] = header.sequence + 1
        let (topic, headerBytes) = WireProtocol.encodeParts(of: header)
        while !(try socket.send([topic, headerBytes, payload], dontWait: true)) {
            // Only XPUB_NODROP (dropWhenFull off) refuses a send: wait for the slowest subscriber.
            readSubscriptions()
            Thread.sleep(forTimeInterval: 0.001)
        }
        var camera = counters[header.camera] ?? NodeStatus.CameraCounters(camera: header.camera)
        camera.framesSent += 1
        camera.bytesSent += payload.count
        counters[header.camera] = camera
        try heartbeatIfDue()
    }

    /// Records a frame this node could not read or send (shown in its heartbeat).
    public func countError(camera: String) {
        counters[camera, default: NodeStatus.CameraCounters(camera: camera)].errors += 1
    }

    /// The counters the next heartbeat will carry.
    public var status: NodeStatus {
        let uptime = ContinuousClock.now - started
        return NodeStatus(rig: options.rig, node: options.node, streamID: streamID,
                          uptimeMicroseconds: uptime.microseconds,
                          cameras: counters.values.sorted { $0.camera < $1.camera })
    }

    /// Sends a heartbeat when one is due; call it while idle (pacing, waiting) too.
    public func heartbeatIfDue() throws(TransportError) {
        guard ContinuousClock.now >= nextHeartbeat else { return }
        try sendHeartbeat()
    }

    /// Sends a heartbeat now (e.g. a final one before closing).
    public func sendHeartbeat() throws(TransportError) {
        nextHeartbeat = ContinuousClock.now + .milliseconds(Int(options.heartbeatSeconds * 1000))
        readSubscriptions()
        _ = try socket.send(WireProtocol.encodeParts(of: status), dontWait: true)
    }

    /// Lets the frames still queued go out when the publisher is released: closing waits up to
    /// `seconds` for subscribers to take them (by default closing drops them at once, so that a
    /// vanished subscriber cannot hang shutdown).
    public func drainOnClose(seconds: Double) throws(TransportError) {
        try socket.set(ZMQ_LINGER, Int32(clamping: Int(seconds * 1000)))
    }

    /// Reads XPUB's (un)subscription messages: first byte 1 subscribes, 0 unsubscribes.
    private func readSubscriptions() {
        while let parts = try? socket.receive(timeoutMilliseconds: 0), let first = parts.first?.first {
            subscriptions += first == 1 ? 1 : (first == 0 ? -1 : 0)
        }
    }
}

import CZMQ
import Logging
import VantageMedia

/// What a subscriber hands on: a frame worth keeping, or a node's heartbeat.
public enum SubscriberEvent: Sendable {
    case frame(WireFrame)
    case status(NodeStatus)
}

/// Receives frames from any number of publishers, checks every message, and passes on only the
/// frames that can be kept. Bad messages are counted by kind, logged once per burst and dropped;
/// nothing a peer sends can stop the subscriber.
///
/// Not thread-safe: create and use it on one thread (it owns a libzmq socket).
public final class FrameSubscriber {
    public let options: SubscriberOptions
    public private(set) var counters = SubscriberCounters()
    private let socket: ZMQSocket
    private let authenticator: ZAPAuthenticator?
    private var trackers: [String: StreamTracker] = [:]
    private var newestCapture: Int64?
    private var burstLog: BurstLogger
    private let metrics = SubscriberMetrics()

    public init(context: ZMQContext, options: SubscriberOptions, logger: Logger) throws(TransportError) {
        try options.validate()
        self.options = options
        burstLog = BurstLogger(logger: logger)
        if case let .server(_, allowedClients) = options.curve {
            authenticator = try ZAPAuthenticator(context: context, allowedClients: allowedClients, logger: logger)
        } else {
            authenticator = nil
        }
        socket = try ZMQSocket(context, .subscriber)
        try socket.set(ZMQ_RCVHWM, options.receiveHighWaterMark)
        // Headers are small; the payload limit plus room for topic and header bounds a message.
        try socket.set(ZMQ_MAXMSGSIZE, int64: Int64(options.maxPayloadBytes) + 65536)
        try options.curve?.apply(to: socket)
        try socket.set(ZMQ_SUBSCRIBE, bytes: options.rig.map { Array("\($0)/".utf8) } ?? [])
        for endpoint in options.endpoints { try socket.connect(endpoint) }
    }

    /// CURVE handshakes refused because the peer's key is not allowed.
    public var refusedPeers: [ZAPAuthenticator.Refusal] { authenticator?.refusals ?? [] }

    /// Waits up to `timeoutMilliseconds` for the next frame or heartbeat worth passing on;
    /// nil when none came in time. Refused messages are counted while waiting.
    public func next(timeoutMilliseconds: Int32) throws(TransportError) -> SubscriberEvent? {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutMilliseconds))
        while true {
            let left = deadline - ContinuousClock.now
            let leftMilliseconds = max(0, Int32(left.microseconds / 1000))
            guard let parts = try socket.receive(timeoutMilliseconds: leftMilliseconds) else { return nil }
            if let event = admit(parts) { return event }
            if ContinuousClock.now >= deadline { return nil }
        }
    }

    /// Checks one received message and updates the counters; the event to pass on, if any.
    func admit(_ parts: [[UInt8]]) -> SubscriberEvent? {
        let message: WireMessage
        do {
            message = try WireProtocol.decode(parts, maxPayloadBytes: options.maxPayloadBytes)
        } catch {
            counters.refusedMessages[error.kind.rawValue, default: 0] += 1
            metrics.refusedMessage()
            burstLog.warn(error.kind.rawValue, "dropped a \(error.kind.rawValue) message: \(error.message)")
            return nil
        }
        switch message {
        case let .status(status):
            counters.statusMessages += 1
            counters.nodes[status.node] = status
            reconcile(with: status)
            return .status(status)
        case let .frame(frame):
            return admit(frame) ? .frame(frame) : nil
        }
    }

    /// Counts frames a heartbeat says were sent after the last one that arrived.
    private func reconcile(with status: NodeStatus) {
        for sent in status.cameras {
            guard var tracker = trackers[sent.camera] else { continue }
            let lost = tracker.reconcile(sent: UInt64(max(0, sent.framesSent)), streamID: status.streamID)
            trackers[sent.camera] = tracker
            guard lost > 0 else { continue }
            counters.cameras[sent.camera, default: CameraCounters()].framesLost += lost
            metrics.lost(sent.camera, lost)
            burstLog.warn("lost \(sent.camera)", "camera \(sent.camera): \(lost) frames lost (node \(status.node) sent \(sent.framesSent))")
        }
    }

    private func admit(_ frame: WireFrame) -> Bool {
        let header = frame.header
        if let cameras = options.cameras, !cameras.contains(header.camera) {
            counters.unknownCameraFrames[header.camera, default: 0] += 1
            metrics.refusedMessage()
            burstLog.warn("camera \(header.camera)", "dropped frames of camera \(header.camera): not in the rig (\(cameras.sorted().joined(separator: ", ")))")
            return false
        }
        var tracker = trackers[header.camera] ?? StreamTracker()
        var camera = counters.cameras[header.camera] ?? CameraCounters()
        if tracker.streamID != nil && tracker.isNewStream(header) {
            camera.restarts += 1
            burstLog.warn("restart \(header.camera)", "camera \(header.camera) restarted its stream (publisher restart); waiting for its next keyframe")
        }
        let verdict = tracker.admit(header)
        trackers[header.camera] = tracker
        defer { counters.cameras[header.camera] = camera }
        switch verdict {
        case let .sequenceWentBack(previous):
            camera.framesOutOfOrder += 1
            metrics.outOfOrder(header.camera)
            burstLog.warn("order \(header.camera)", "dropped frame \(header.sequence) of camera \(header.camera): sequence went back (last was \(previous))")
            return false
        case let .awaitKeyframe(lost):
            camera.framesLost += lost
            camera.framesAwaitingKeyframe += 1
            metrics.lost(header.camera, lost)
            if lost > 0 { burstLog.warn("lost \(header.camera)", "camera \(header.camera): \(lost) frames lost before sequence \(header.sequence)") }
            return false
        case let .accept(lost):
            if lost > 0 { burstLog.warn("lost \(header.camera)", "camera \(header.camera): \(lost) frames lost before sequence \(header.sequence)") }
            let capture = header.captureMicroseconds
            let late = newestCapture.map { $0 - capture > options.lateToleranceMicroseconds } ?? false
            newestCapture = max(newestCapture ?? capture, capture)
            camera.framesAccepted += 1
            camera.bytesAccepted += frame.payload.count
            camera.framesLost += lost
            if late { camera.framesLate += 1 }
            camera.newestCaptureMicroseconds = max(camera.newestCaptureMicroseconds ?? capture, capture)
            metrics.accepted(header.camera, bytes: frame.payload.count, lost: lost, late: late)
            return true
        }
    }
}

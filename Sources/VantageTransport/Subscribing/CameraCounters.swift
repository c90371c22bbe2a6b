/// What a subscriber has seen of one camera since it started.
public struct CameraCounters: Sendable, Hashable, Codable {
    public var framesAccepted = 0
    public var bytesAccepted = 0
    /// Frames missing from sequence gaps (dropped by a high-water mark or a network fault).
    public var framesLost: UInt64 = 0
    /// Frames received but not kept because their keyframe was missed (joining mid-stream, after a loss).
    public var framesAwaitingKeyframe = 0
    /// Frames refused because their sequence number went back.
    public var framesOutOfOrder = 0
    /// Accepted frames that arrived more than the late tolerance behind the newest capture time.
    public var framesLate = 0
    /// Publisher restarts seen (a new stream id).
    public var restarts = 0
    /// Newest capture time accepted, in microseconds on the rig clock.
    public var newestCaptureMicroseconds: Int64?

    public init() {}
}

/// Everything a subscriber has counted: per camera, plus messages refused before a camera was known.
public struct SubscriberCounters: Sendable, Hashable, Codable {
    public var cameras: [String: CameraCounters] = [:]
    /// Malformed messages by kind (`WireError.Kind`'s raw value).
    public var refusedMessages: [String: Int] = [:]
    /// Frames of cameras that are not in the rig.
    public var unknownCameraFrames: [String: Int] = [:]
    public var statusMessages = 0
    /// The newest heartbeat of each node.
    public var nodes: [String: NodeStatus] = [:]

    public init() {}

    public var totalAccepted: Int { cameras.values.reduce(0) { $0 + $1.framesAccepted } }
    public var totalLost: UInt64 { cameras.values.reduce(0) { $0 + $1.framesLost } }
    public var totalRefused: Int {
        refusedMessages.values.reduce(0, +) + unknownCameraFrames.values.reduce(0, +)
            + cameras.values.reduce(0) { $0 + $1.framesOutOfOrder }
    }
}

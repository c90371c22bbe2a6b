/// How a recorder buffers, reports and stops.
public struct RecorderOptions: Sendable {
    /// Payload bytes queued between the socket and the disk before the subscriber stops reading.
    public var queueBytes = 256 << 20
    /// Seconds between reports (and metric gauges).
    public var reportSeconds = 5.0
    /// Stop after this many seconds without an accepted frame (never when nil).
    public var untilIdleSeconds: Double?

    public init() {}

    public func validate() throws(TransportError) {
        guard queueBytes > 0 else { throw TransportError(.invalidOption, "queue size must be positive") }
        guard reportSeconds > 0, reportSeconds.isFinite else { throw TransportError(.invalidOption, "report interval must be positive") }
        if let untilIdleSeconds, !(untilIdleSeconds > 0 && untilIdleSeconds.isFinite) {
            throw TransportError(.invalidOption, "idle timeout must be a positive number of seconds")
        }
    }
}

/// A recorder's view of its run so far.
public struct RecorderReport: Sendable, Codable {
    /// Per camera: everything the subscriber counted, plus rates over the last interval.
    public struct CameraRates: Sendable, Codable, Hashable {
        public var framesPerSecond: Double
        public var bytesPerSecond: Double
    }

    public var counters: SubscriberCounters
    public var rates: [String: CameraRates]
    public var sync: SyncSnapshot?
    /// Frames handed to the store so far.
    public var framesWritten: Int
    /// Frames and bytes waiting for the disk.
    public var queuedFrames: Int
    public var queuedBytes: Int
    /// CURVE handshakes refused (unknown public keys).
    public var refusedPeers: Int
    public var seconds: Double
    /// Why the recording ended (nil while it runs).
    public var stopReason: String?
}

/// How `RigIngest` reads and paces a rig's media.
public struct IngestOptions: Sendable {
    /// Pace frames by their capture times, like live cameras; otherwise as fast as the
    /// subscribers take them.
    public var realtime = false
    /// Start again at the end, with capture times continuing after the last pass.
    public var loop = false
    /// Decode and send raw RGB planes instead of passing the compressed packets through.
    public var raw = false

    public init() {}
}

/// What an ingest run sent.
public struct IngestSummary: Sendable, Codable {
    public struct Camera: Sendable, Codable {
        public var camera: String
        public var source: String
        public var frames = 0
        public var bytes = 0
        /// Frames skipped because no capture time could be given (no row in a timestamp file, no timestamp).
        public var untimedFrames = 0
    }

    public var cameras: [Camera]
    /// Completed passes over the media (more than one with `loop`).
    public var passes = 0
    public var seconds = 0.0
    /// Capture times of the first and last frame sent, in microseconds on the rig clock.
    public var firstCaptureMicroseconds: Int64?
    public var lastCaptureMicroseconds: Int64?

    public var frames: Int { cameras.reduce(0) { $0 + $1.frames } }
}

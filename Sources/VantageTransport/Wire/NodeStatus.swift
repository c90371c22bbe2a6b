/// A publisher's heartbeat: what it has sent so far, per camera. Sent periodically as JSON.
public struct NodeStatus: Sendable, Hashable, Codable {
    public struct CameraCounters: Sendable, Hashable, Codable {
        public var camera: String
        public var framesSent: Int
        public var bytesSent: Int
        /// Frames the node failed to read or send.
        public var errors: Int

        public init(camera: String, framesSent: Int = 0, bytesSent: Int = 0, errors: Int = 0) {
            self.camera = camera
            self.framesSent = framesSent
            self.bytesSent = bytesSent
            self.errors = errors
        }
    }

    public var rig: String
    /// Names the sending process, e.g. "ingest-cam01@host".
    public var node: String
    /// The stream id of the node's frames: `framesSent` counts that stream's frames.
    public var streamID: UInt64
    /// Microseconds since the node started.
    public var uptimeMicroseconds: Int64
    public var cameras: [CameraCounters]

    public init(rig: String, node: String, streamID: UInt64, uptimeMicroseconds: Int64, cameras: [CameraCounters]) {
        self.rig = rig
        self.node = node
        self.streamID = streamID
        self.uptimeMicroseconds = uptimeMicroseconds
        self.cameras = cameras
    }

    /// The topic heartbeats travel on: under the rig, with an "@" no camera name may start with.
    public var topic: String { "\(rig)/@\(node)" }
}

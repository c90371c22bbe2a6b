/// Where one stored frame is and what a query needs to know about it without reading it.
public struct ReplayIndexEntry: Sendable, Hashable {
    public var camera: String
    /// Capture time on the rig clock, in microseconds.
    public var captureMicroseconds: Int64
    /// The publisher's sequence number of the frame.
    public var sequence: UInt64
    public var isKeyframe: Bool
    /// Presentation timestamp in the frame's time base (nil when the source had none).
    public var presentationTimestamp: Int64?
    /// File name of the segment in the camera's folder.
    public var segment: String
    /// Byte offset of the record in the segment, and its length.
    public var offset: Int
    public var recordLength: Int
}

import VantageMedia

/// Everything about one camera frame except its bytes: who sent it, where it sits in the
/// publisher's stream, when it was captured, and how to read the payload.
public struct FrameHeader: Sendable, Hashable {
    /// The rig and camera the frame belongs to (no "/" in either; they form the topic).
    public var rig: String
    public var camera: String
    /// Random per publisher run: a new value tells subscribers the sequence restarted on purpose.
    public var streamID: UInt64
    /// Counts every frame the publisher sent for this camera in this stream, from 0.
    public var sequence: UInt64
    /// Capture time on the rig's common clock, in microseconds.
    public var captureMicroseconds: Int64
    /// Presentation and decode timestamps in `timeBase`, as the source stream gave them.
    public var presentationTimestamp: Int64?
    public var decodeTimestamp: Int64?
    /// Duration in `timeBase` (0 when unknown).
    public var duration: Int64
    public var timeBase: MediaRational
    /// Whether a decoder can start at this frame (always true for raw frames).
    public var isKeyframe: Bool
    /// Picture size in pixels and FFmpeg's name of its pixel format.
    public var width: Int
    public var height: Int
    public var pixelFormatName: String
    public var payload: PayloadLayout
    /// Size of the payload part in bytes.
    public var payloadLength: Int

    public init(rig: String, camera: String, streamID: UInt64, sequence: UInt64, captureMicroseconds: Int64,
                presentationTimestamp: Int64?, decodeTimestamp: Int64?, duration: Int64, timeBase: MediaRational,
                isKeyframe: Bool, width: Int, height: Int, pixelFormatName: String,
                payload: PayloadLayout, payloadLength: Int) {
        self.rig = rig
        self.camera = camera
        self.streamID = streamID
        self.sequence = sequence
        self.captureMicroseconds = captureMicroseconds
        self.presentationTimestamp = presentationTimestamp
        self.decodeTimestamp = decodeTimestamp
        self.duration = duration
        self.timeBase = timeBase
        self.isKeyframe = isKeyframe
        self.width = width
        self.height = height
        self.pixelFormatName = pixelFormatName
        self.payload = payload
        self.payloadLength = payloadLength
    }

    /// The ZeroMQ topic of the frame: `rig/camera`, so a subscriber can filter by rig prefix.
    public var topic: String { "\(rig)/\(camera)" }
}

/// How the payload bytes are laid out.
public enum PayloadLayout: Sendable, Hashable {
    /// The source's compressed packet, passed through untouched. Keyframes carry the codec
    /// parameters a decoder needs; other frames carry only the codec's name.
    case compressed(codecName: String, parameters: CodecParameters?)
    /// Uncompressed planes, one after another, each `rows` rows of `bytesPerRow` bytes.
    case raw(planes: [RawPlane])
}

public struct RawPlane: Sendable, Hashable {
    public var bytesPerRow: Int
    public var rows: Int

    public init(bytesPerRow: Int, rows: Int) {
        self.bytesPerRow = bytesPerRow
        self.rows = rows
    }

    public var byteCount: Int { bytesPerRow * rows }
}

/// A frame as it travels: header plus payload bytes.
public struct WireFrame: Sendable, Hashable {
    public var header: FrameHeader
    public var payload: [UInt8]

    public init(header: FrameHeader, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }
}

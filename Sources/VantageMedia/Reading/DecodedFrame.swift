import CFFmpeg

/// One decoded picture and its presentation time.
///
/// Times are measured from the stream's start time, so the first frame of a clip is at (about) 0
/// whatever the container's timestamp offset (MPEG-TS starts at 1.4 s, for instance).
public struct DecodedFrame {
    /// The decoder's frame (any pixel format; rows `linesize` apart).
    let frame: FrameOwner
    /// Presentation timestamp in the stream's time base, as stored (best-effort when the container has none).
    public let timestamp: Int64
    /// Presentation time in microseconds from the stream's start.
    public let microseconds: Int64
    /// Presentation time in seconds from the stream's start.
    public let seconds: Double

    public var width: Int { Int(frame.pointer.pointee.width) }
    public var height: Int { Int(frame.pointer.pointee.height) }
    /// FFmpeg's name for the frame's pixel format, e.g. "yuv420p".
    public var pixelFormatName: String {
        av_get_pix_fmt_name(AVPixelFormat(rawValue: frame.pointer.pointee.format)).map { String(cString: $0) } ?? "unknown"
    }
    /// Whether the decoder marked this frame as a keyframe.
    public var isKeyframe: Bool { frame.pointer.pointee.key_frame != 0 }
}

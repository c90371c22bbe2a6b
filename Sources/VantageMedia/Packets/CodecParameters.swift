/// What a decoder needs to read a stream's compressed packets: the codec, its setup bytes and the
/// picture size. Travels with keyframes over the wire and into the replay store.
public struct CodecParameters: Sendable, Hashable {
    /// FFmpeg's short codec name, e.g. "h264", "vp9", "mpeg4".
    public var codecName: String
    /// Codec setup bytes (H.264 avcC, for instance); empty when the codec needs none.
    public var extradata: [UInt8]
    /// Coded picture size in pixels.
    public var width: Int
    public var height: Int
    /// FFmpeg's name of the decoded pixel format, e.g. "yuv420p".
    public var pixelFormatName: String
    /// Unit of the packets' timestamps.
    public var timeBase: MediaRational

    public init(codecName: String, extradata: [UInt8], width: Int, height: Int,
                pixelFormatName: String, timeBase: MediaRational) {
        self.codecName = codecName
        self.extradata = extradata
        self.width = width
        self.height = height
        self.pixelFormatName = pixelFormatName
        self.timeBase = timeBase
    }
}

/// One encoded frame of a `LiveVideoEncoder`: what a WebCodecs `EncodedVideoChunk` carries, plus
/// what `VideoDecoder.configure` needs.
///
/// Send `bytes` as the chunk's data, `isKeyframe` as its type ("key"/"delta"), `timestampMicroseconds`
/// and `durationMicroseconds` as its timestamp and duration. Configure the decoder with `codecString`,
/// `width` and `height` and no `description`: the bytes are Annex B with the SPS and PPS in-band
/// before every keyframe. Reconfigure when `codecString` or the size changes (it can only change on a keyframe).
public struct H264AccessUnit: Sendable, Equatable {
    /// The access unit in Annex B form (start codes before each NAL unit); a keyframe starts with
    /// its SPS and PPS, then its IDR slices.
    public var bytes: [UInt8]
    /// Whether a decoder can start here (an IDR picture).
    public var isKeyframe: Bool
    /// 0 for the encoder's first frame, counting every frame it encoded since.
    public var frameIndex: Int64
    /// Presentation time in microseconds: the caller's timestamp, else `frameIndex / frameRate` seconds.
    public var timestampMicroseconds: Int64
    /// One frame period in microseconds (rounded so consecutive frames' durations add up exactly).
    public var durationMicroseconds: Int64
    /// Coded picture size in pixels.
    public var width: Int
    public var height: Int
    /// The profile and level of the SPS in force (this unit's own on a keyframe).
    public var profileLevel: H264ProfileLevel

    public init(bytes: [UInt8], isKeyframe: Bool, frameIndex: Int64, timestampMicroseconds: Int64,
                durationMicroseconds: Int64, width: Int, height: Int, profileLevel: H264ProfileLevel) {
        self.bytes = bytes
        self.isKeyframe = isKeyframe
        self.frameIndex = frameIndex
        self.timestampMicroseconds = timestampMicroseconds
        self.durationMicroseconds = durationMicroseconds
        self.width = width
        self.height = height
        self.profileLevel = profileLevel
    }

    /// WebCodecs codec string read from the SPS in force, e.g. "avc1.42C01F".
    public var codecString: String { profileLevel.codecString }
}

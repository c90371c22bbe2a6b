/// Settings of a `VideoWriter`. Call `validate()` (the writer does) before use.
public struct VideoWriterOptions: Sendable, Equatable {
    /// Presets libx264 accepts, fastest first.
    public static let x264Presets = EncoderConfiguration.x264Presets

    /// Output width in pixels; positive and even (4:2:0 chroma).
    public var width: Int
    /// Output height in pixels; positive and even (4:2:0 chroma).
    public var height: Int
    /// Frames per second as an exact ratio, e.g. 25/1 or 30000/1001; frame n is stamped n / rate seconds.
    public var frameRate: MediaRational
    /// Constant rate factor, 0 (lossless) … 51 (worst); used when `bitrate` is nil. 18 is visually lossless.
    public var crf: Double
    /// Encoder speed/size trade-off, one of `x264Presets`.
    public var preset: String
    /// Target average bitrate in bits per second; when set it replaces `crf`.
    public var bitrate: Int?
    /// Maximum distance between keyframes, in frames (seek granularity).
    public var gopSize: Int
    /// libavcodec encoder name. `preset` and `crf` are libx264/libx265 settings; other encoders get size, rate, GOP and bitrate.
    public var encoderName: String

    public init(width: Int, height: Int, frameRate: MediaRational, crf: Double = 20, preset: String = "fast",
                bitrate: Int? = nil, gopSize: Int = 60, encoderName: String = "libx264") {
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.crf = crf
        self.preset = preset
        self.bitrate = bitrate
        self.gopSize = gopSize
        self.encoderName = encoderName
    }

    /// Throws `.invalidOption` naming `destination` and the first field out of range.
    public func validate(for destination: String = "video writer options") throws(MediaError) {
        try encoderConfiguration(globalHeader: false).validate(for: destination)
    }
}

/// Settings of a `LiveVideoEncoder` or `StreamWriter`: H.264 (libx264) tuned for latency.
/// Call `validate()` (both do) before use.
public struct LiveVideoEncoderOptions: Sendable, Equatable {
    /// H.264 profiles every WebCodecs `VideoDecoder` accepts. A ceiling, not a promise: libx264 signals
    /// the simplest profile its tools fit, so "ultrafast" (no CABAC) is constrained baseline even with
    /// `.main`. `H264AccessUnit.codecString` says what the stream really is.
    public enum Profile: String, Sendable, CaseIterable, Codable {
        /// Constrained baseline (profile_idc 66, constraint_set0 and 1): codec strings "avc1.42C0xx".
        /// The most widely decodable (hardware decoders on phones); no CABAC, so larger than `main`.
        case constrainedBaseline
        /// Main (profile_idc 77, constraint_set1): codec strings "avc1.4D40xx"; about 10–15 % smaller.
        case main

        /// libx264's name for the profile ("baseline" is constrained baseline there).
        var x264Name: String {
            switch self {
            case .constrainedBaseline: "baseline"
            case .main: "main"
            }
        }
    }

    /// Frame width in pixels; positive and even (4:2:0 chroma).
    public var width: Int
    /// Frame height in pixels; positive and even (4:2:0 chroma).
    public var height: Int
    /// Frames per second as an exact ratio, e.g. 25/1 or 30000/1001; frame n is stamped n / rate seconds.
    public var frameRate: MediaRational
    /// Constant rate factor, 0 (lossless) … 51 (worst); used when `bitrate` is nil.
    public var crf: Double
    /// Target average bitrate in bits per second; when set it replaces `crf`, and is also the cap
    /// (VBV maximum rate, with a one-second buffer), so a frame's size stays near bitrate / frame rate.
    public var bitrate: Int?
    /// libx264 speed/size trade-off, one of `VideoWriterOptions.x264Presets`; "ultrafast" or
    /// "veryfast" keep up with live rates on one core.
    public var preset: String
    public var profile: Profile
    /// Maximum distance between keyframes, in frames; `LiveVideoEncoder.forceKeyframe()` adds keyframes in between.
    public var gopSize: Int
    /// libx264 threads (sliced, so they add no delay); 0: automatic. One thread per encoder suits a
    /// server with one encoder per viewer.
    public var threadCount: Int

    public init(width: Int, height: Int, frameRate: MediaRational, crf: Double = 23, bitrate: Int? = nil,
                preset: String = "veryfast", profile: Profile = .constrainedBaseline, gopSize: Int = 60,
                threadCount: Int = 1) {
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.crf = crf
        self.bitrate = bitrate
        self.preset = preset
        self.profile = profile
        self.gopSize = gopSize
        self.threadCount = threadCount
    }

    /// Throws `.invalidOption` naming `destination` and the first field out of range.
    public func validate(for destination: String = "live encoder options") throws(MediaError) {
        try encoderConfiguration(globalHeader: false).validate(for: destination)
    }

    /// libx264 with `tune=zerolatency` (no lookahead, no B-frames, no frame threads: one access unit
    /// out per frame in), the profile, IDR on a forced keyframe, and, without a global header,
    /// SPS and PPS repeated in-band before every keyframe (Annex B).
    func encoderConfiguration(globalHeader: Bool) -> EncoderConfiguration {
        var privateOptions: [EncoderConfiguration.PrivateOption] = [
            .init(key: "tune", value: "zerolatency"),
            .init(key: "profile", value: profile.x264Name),
            .init(key: "forced-idr", value: "1"),
        ]
        if !globalHeader {
            privateOptions.append(.init(key: "x264-params", value: "repeat-headers=1"))
        }
        return EncoderConfiguration(
            encoderName: "libx264", width: width, height: height, frameRate: frameRate, gopSize: gopSize,
            bitrate: bitrate, maximumBitrate: bitrate, bufferSize: bitrate, crf: crf, preset: preset,
            maximumBFrames: 0, threadCount: threadCount, globalHeader: globalHeader, privateOptions: privateOptions)
    }
}

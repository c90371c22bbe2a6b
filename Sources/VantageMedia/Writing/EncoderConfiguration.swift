import CFFmpeg

/// Everything a `VideoEncoder` sets on its `AVCodecContext` before opening it. Built from the
/// options of the component that encodes (`VideoWriterOptions`, `LiveVideoEncoderOptions`), which
/// validate their fields first; this type only carries them to libavcodec.
struct EncoderConfiguration: Sendable, Equatable {
    /// libavcodec encoder name, e.g. "libx264".
    var encoderName: String
    var width: Int
    var height: Int
    /// Frames per second; the encoder's time base is its inverse, so frame n has timestamp n.
    var frameRate: MediaRational
    /// Maximum distance between keyframes, in frames.
    var gopSize: Int
    /// Average bitrate in bits per second; nil: constant quality (`crf`).
    var bitrate: Int?
    /// Largest bitrate and rate-control buffer (VBV) in bits; nil: no cap.
    var maximumBitrate: Int?
    var bufferSize: Int?
    /// Constant rate factor (libx264/libx265), used when `bitrate` is nil.
    var crf: Double
    /// libx264/libx265 preset.
    var preset: String
    /// Most B-frames between reference frames; nil: the encoder's default.
    var maximumBFrames: Int?
    /// Encoder threads; nil: the encoder's default (libx264: automatic).
    var threadCount: Int?
    /// Codec headers once, in extradata (MP4, Matroska), instead of in-band before every keyframe (MPEG-TS, Annex B).
    var globalHeader: Bool
    /// Further options of the encoder's private context, e.g. ("tune", "zerolatency") for libx264.
    var privateOptions: [PrivateOption] = []

    struct PrivateOption: Sendable, Equatable {
        var key: String
        var value: String
    }

    /// Whether `preset` and `crf` apply (they are libx264/libx265 options).
    var isX26x: Bool { ["libx264", "libx265"].contains(encoderName) }

    /// Sets the fields and private options on an allocated, not yet opened context.
    func apply(to context: UnsafeMutablePointer<AVCodecContext>) {
        context.pointee.width = Int32(width)
        context.pointee.height = Int32(height)
        context.pointee.time_base = AVRational(num: frameRate.denominator, den: frameRate.numerator)
        context.pointee.framerate = frameRate.avRational
        context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        context.pointee.gop_size = Int32(gopSize)
        context.pointee.colorspace = AVCOL_SPC_SMPTE170M
        context.pointee.color_range = AVCOL_RANGE_MPEG
        if let bitrate { context.pointee.bit_rate = Int64(bitrate) }
        if let maximumBitrate { context.pointee.rc_max_rate = Int64(maximumBitrate) }
        if let bufferSize { context.pointee.rc_buffer_size = Int32(clamping: bufferSize) }
        if let maximumBFrames { context.pointee.max_b_frames = Int32(maximumBFrames) }
        if let threadCount { context.pointee.thread_count = Int32(clamping: threadCount) }
        if globalHeader { context.pointee.flags |= Int32(AV_CODEC_FLAG_GLOBAL_HEADER) }
        let priv = context.pointee.priv_data
        if isX26x {
            av_opt_set(priv, "preset", preset, 0)
            if bitrate == nil { av_opt_set_double(priv, "crf", crf, 0) }
        }
        if encoderName == "libx265" {
            // x265 logs through its own printf, not av_log: quiet it at the source.
            av_opt_set(priv, "x265-params", "log-level=error", 0)
        }
        for option in privateOptions {
            av_opt_set(priv, option.key, option.value, 0)
        }
    }
}

import CFFmpeg

/// What a video stream holds, as read from its container and codec parameters.
public struct VideoStreamInfo: Sendable, Equatable, Codable {
    /// The path or URL the stream was opened from.
    public let source: String
    /// Index of the stream inside its container.
    public let streamIndex: Int
    /// Coded picture size in pixels (before any display rotation).
    public let width: Int
    public let height: Int
    /// Frames per second as an exact ratio (average rate, else the container's base rate).
    public let frameRate: MediaRational
    /// `frameRate` as a Double.
    public let framesPerSecond: Double
    /// Number of frames: the container's count when it has one, else duration × rate; nil when neither is known.
    public let frameCount: Int?
    /// True when `frameCount` was estimated from the duration rather than read from the container.
    public let frameCountIsEstimate: Bool
    /// FFmpeg's short codec name, e.g. "h264", "vp9", "mpeg4".
    public let codecName: String
    /// FFmpeg's pixel format name of the decoded pictures, e.g. "yuv420p".
    public let pixelFormatName: String
    /// Clockwise rotation in degrees, in [0, 360), to apply for upright display (from the display matrix; 0 when absent).
    public let rotationDegrees: Double
    /// Stream duration in seconds, or the container's when the stream has none; nil when unknown.
    public let durationSeconds: Double?
    /// Unit of the stream's timestamps.
    public let timeBase: MediaRational
}

extension VideoStreamInfo {
    init(source: String, format: UnsafeMutablePointer<AVFormatContext>, stream: UnsafeMutablePointer<AVStream>) {
        let parameters = stream.pointee.codecpar.pointee
        let averageRate = MediaRational(stream.pointee.avg_frame_rate)
        let rate = averageRate.isPositive ? averageRate : MediaRational(stream.pointee.r_frame_rate)
        let timeBase = MediaRational(stream.pointee.time_base)
        let noTimestamp = vantage_av_nopts_value()
        let duration: Double? =
            if stream.pointee.duration != noTimestamp && stream.pointee.duration > 0 {
                Double(stream.pointee.duration) * timeBase.doubleValue
            } else if format.pointee.duration != noTimestamp && format.pointee.duration > 0 {
                Double(format.pointee.duration) / Double(vantage_av_time_base())
            } else {
                nil
            }
        let countedFrames = stream.pointee.nb_frames > 0 ? Int(stream.pointee.nb_frames) : nil
        let estimatedFrames = duration.flatMap { rate.isPositive ? Int(($0 * rate.doubleValue).rounded()) : nil }

        self.source = source
        streamIndex = Int(stream.pointee.index)
        width = Int(parameters.width)
        height = Int(parameters.height)
        frameRate = rate
        framesPerSecond = rate.doubleValue
        frameCount = countedFrames ?? estimatedFrames
        frameCountIsEstimate = countedFrames == nil && estimatedFrames != nil
        codecName = String(cString: avcodec_get_name(parameters.codec_id))
        pixelFormatName = av_get_pix_fmt_name(AVPixelFormat(rawValue: parameters.format)).map { String(cString: $0) } ?? "unknown"
        rotationDegrees = Self.displayRotation(of: stream)
        durationSeconds = duration
        self.timeBase = timeBase
    }

    /// Clockwise degrees in [0, 360) from the stream's display matrix (FFmpeg reports counterclockwise).
    private static func displayRotation(of stream: UnsafeMutablePointer<AVStream>) -> Double {
        var size: Int = 0
        guard let sideData = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
              size >= 9 * MemoryLayout<Int32>.size
        else { return 0 }
        let counterclockwise = sideData.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        guard counterclockwise.isFinite else { return 0 }
        let clockwise = (-counterclockwise).truncatingRemainder(dividingBy: 360)
        let normalized = clockwise < 0 ? clockwise + 360 : clockwise
        return normalized == 0 ? 0 : normalized  // no "-0"
    }
}

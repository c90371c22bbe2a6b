import CFFmpeg

/// How much FFmpeg's libraries print to standard error. Process-wide (it is libavutil's global level);
/// set it once at start-up. Failures still reach callers as `MediaError` whatever the level.
public enum FFmpegLog {
    public enum Level: Sendable {
        /// Nothing at all.
        case quiet
        /// Errors, e.g. a damaged packet inside an otherwise readable file.
        case error
        /// Errors and warnings (FFmpeg's own default is `.info`).
        case warning
        /// Informational messages too.
        case info

        var avLevel: Int32 {
            switch self {
            case .quiet: AV_LOG_QUIET
            case .error: AV_LOG_ERROR
            case .warning: AV_LOG_WARNING
            case .info: AV_LOG_INFO
            }
        }
    }

    public static func setLevel(_ level: Level) {
        av_log_set_level(level.avLevel)
    }
}

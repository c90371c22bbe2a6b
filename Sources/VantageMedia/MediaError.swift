import CFFmpeg

/// An error from reading, decoding, encoding or writing media.
///
/// `description` is one line: the file or URL, then what went wrong and what was expected.
public enum MediaError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or URL could not be opened (missing, unreachable, no permission).
    case cannotOpen(source: String, reason: String)
    /// The bytes are not in any format the library can read.
    case unreadableFormat(source: String, expected: String, reason: String)
    /// The container has no video stream.
    case noVideoStream(source: String)
    /// The stream's codec has no decoder in this FFmpeg build.
    case noDecoder(source: String, codec: String)
    /// The requested encoder is not in this FFmpeg build.
    case noEncoder(source: String, codec: String)
    /// An option has a value outside its valid range.
    case invalidOption(source: String, option: String, expected: String)
    /// An FFmpeg call failed; `operation` names the step, `reason` is FFmpeg's message.
    case operationFailed(source: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(source, reason):
            return "\(source): cannot open: \(reason)"
        case let .unreadableFormat(source, expected, reason):
            return "\(source): not \(expected) (\(reason))"
        case let .noVideoStream(source):
            return "\(source): no video stream (expected a file with at least one video stream)"
        case let .noDecoder(source, codec):
            return "\(source): unsupported codec '\(codec)': no decoder for it in this FFmpeg build"
        case let .noEncoder(source, codec):
            return "\(source): unsupported codec '\(codec)': no encoder for it in this FFmpeg build"
        case let .invalidOption(source, option, expected):
            return "\(source): invalid \(option) (expected \(expected))"
        case let .operationFailed(source, operation, reason):
            return "\(source): \(operation) failed: \(reason)"
        }
    }
}

/// FFmpeg's own message for a negative return code, e.g. "Invalid data found when processing input".
func ffmpegErrorText(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: Int(vantage_av_error_max_string_size()))
    if av_strerror(code, &buffer, buffer.count) < 0 {
        return "FFmpeg error \(code)"
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The one place FFmpeg return codes become errors: negative codes throw `.operationFailed`.
@discardableResult
func checkFFmpeg(_ code: Int32, source: String, operation: @autoclosure () -> String) throws(MediaError) -> Int32 {
    guard code < 0 else { return code }
    throw MediaError.operationFailed(source: source, operation: operation(), reason: ffmpegErrorText(code))
}

/// Outcome of `avcodec_send_*` / `avcodec_receive_*`: EAGAIN and EOF are control flow, not errors.
enum CodecStep: Equatable {
    /// The call did its work (a frame or packet was accepted or produced).
    case done
    /// The codec wants the other side first (EAGAIN): receive before sending more, or send before receiving.
    case needsOtherSide
    /// The codec is fully drained (AVERROR_EOF).
    case endOfStream

    /// Maps a send/receive return code; any other negative code throws.
    init(_ code: Int32, source: String, operation: @autoclosure () -> String) throws(MediaError) {
        if code == vantage_averror_eagain() {
            self = .needsOtherSide
        } else if code == vantage_averror_eof() {
            self = .endOfStream
        } else {
            try checkFFmpeg(code, source: source, operation: operation())
            self = .done
        }
    }
}

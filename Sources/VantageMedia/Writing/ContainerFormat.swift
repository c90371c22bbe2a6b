import Foundation

/// The file format a `VideoWriter` muxes into.
public enum ContainerFormat: String, Sendable, CaseIterable, Codable {
    /// MP4 with the index (moov) written at the end.
    case mp4
    /// MPEG transport stream (.ts): playable while it is still being written.
    case mpegTS
    /// Fragmented MP4 (empty moov, one fragment per keyframe): streamable and readable when cut short.
    case fragmentedMP4
    /// QuickTime (.mov).
    case quickTime
    /// Matroska (.mkv).
    case matroska
    /// AVI, for tools that want it (no B-frames there: use an encoder without them, e.g. `mpeg4`).
    case avi

    /// The container for `path`'s extension: .mp4/.m4v → `.mp4`, .ts → `.mpegTS`, .mov, .mkv, .avi.
    /// Fragmented MP4 is never inferred; pass it explicitly.
    public init(inferringFromPath path: String) throws(MediaError) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "mp4", "m4v": self = .mp4
        case "ts": self = .mpegTS
        case "mov": self = .quickTime
        case "mkv": self = .matroska
        case "avi": self = .avi
        case let other:
            throw .invalidOption(source: path, option: "file extension '.\(other)'",
                                 expected: "'.mp4', '.m4v', '.ts', '.mov', '.mkv' or '.avi', or an explicit ContainerFormat")
        }
    }

    /// libavformat's muxer name.
    var muxerName: String {
        switch self {
        case .mp4, .fragmentedMP4: "mp4"
        case .mpegTS: "mpegts"
        case .quickTime: "mov"
        case .matroska: "matroska"
        case .avi: "avi"
        }
    }

    /// Options passed to `avformat_write_header`.
    var muxerOptions: [(key: String, value: String)] {
        switch self {
        case .mp4, .mpegTS, .quickTime, .matroska, .avi: []
        case .fragmentedMP4: [("movflags", "frag_keyframe+empty_moov+default_base_moof")]
        }
    }
}

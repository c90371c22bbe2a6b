import CFFmpeg
import Foundation

/// Still-image file formats `ImageIO` reads and writes with libavcodec's own codecs.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png
    case jpeg

    /// The format for `path`'s extension: .png, or .jpg/.jpeg.
    public init(inferringFromPath path: String) throws(MediaError) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case let other:
            throw .invalidOption(source: path, option: "image extension '.\(other)'", expected: "'.png', '.jpg' or '.jpeg'")
        }
    }

    /// The format whose signature starts `bytes`, if any.
    init?(signature bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else {
            return nil
        }
    }

    var codecID: AVCodecID {
        switch self {
        case .png: AV_CODEC_ID_PNG
        case .jpeg: AV_CODEC_ID_MJPEG
        }
    }

    /// The pixel format the encoder is fed: RGB for lossless PNG, full-range 4:2:0 for baseline JPEG.
    var encoderPixelFormat: AVPixelFormat {
        switch self {
        case .png: AV_PIX_FMT_RGB24
        case .jpeg: AV_PIX_FMT_YUVJ420P
        }
    }
}

import CFFmpeg
import Foundation

/// Reads and writes PNG and JPEG files with libavcodec's own codecs. Writes are atomic (temporary file + rename).
public enum ImageIO {
    /// Writes `image` to `path`; the format comes from the extension unless given.
    /// - Parameter jpegQScale: JPEG quantizer scale, 2 (best) … 31 (smallest); ignored for PNG.
    public static func write(_ image: RGBImage, to path: String, format: ImageFormat? = nil, jpegQScale: Int = 2) throws(MediaError) {
        let format = if let format { format } else { try ImageFormat(inferringFromPath: path) }
        guard (2...31).contains(jpegQScale) else {
            throw .invalidOption(source: path, option: "JPEG qscale \(jpegQScale)", expected: "2 (best) to 31")
        }
        let bytes = try StillImageCodec.encode(image, as: format, jpegQScale: jpegQScale, destination: path)
        try AtomicDestination(finalPath: path).write(bytes)
    }

    /// The RGB pixels of the PNG or JPEG at `path` (alpha, if any, is dropped).
    public static func read(_ path: String) throws(MediaError) -> RGBImage {
        let frame = try decodedFrame(path)
        return try PixelConverter().rgbImage(from: frame.pointer)
    }

    /// The RGBA pixels of the PNG or JPEG at `path` (alpha 255 where the file has none).
    public static func readRGBA(_ path: String) throws(MediaError) -> RGBAImage {
        let frame = try decodedFrame(path)
        let width = Int(frame.pointer.pointee.width), height = Int(frame.pointer.pointee.height)
        let pixels = try PixelConverter().packedPixels(from: frame.pointer, format: AV_PIX_FMT_RGBA, bytesPerPixel: 4,
                                                      width: width, height: height)
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    private static func decodedFrame(_ path: String) throws(MediaError) -> FrameOwner {
        let bytes = try readFile(path)
        guard let format = ImageFormat(signature: bytes) else {
            throw .unreadableFormat(source: path, expected: "a PNG or JPEG image", reason: "no PNG or JPEG signature at the start of the file")
        }
        return try StillImageCodec.decode(bytes, as: format, source: path)
    }

    static func readFile(_ path: String) throws(MediaError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(source: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw .operationFailed(source: path, operation: "reading", reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}

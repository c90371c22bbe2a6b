import Foundation

/// The image size stored in a PNG file's IHDR chunk (the first 24 bytes: the 8-byte signature,
/// the chunk length and type, then width and height as big-endian 32-bit integers).
enum PNGHeader {
    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The size, or `nil` when the file is unreadable or not a PNG.
    static func size(of url: URL) -> ImageSize? {
        guard let head = ImportFiles.prefix(of: url, count: 24).map(Array.init), head.count == 24,
              Array(head[0..<8]) == signature, Array(head[12..<16]) == Array("IHDR".utf8) else { return nil }
        let bigEndian = { (at: Int) in head[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let size = ImageSize(width: bigEndian(16), height: bigEndian(20))
        return size.width > 0 && size.height > 0 ? size : nil
    }
}

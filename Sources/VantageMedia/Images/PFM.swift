/// Portable Float Map files: a text header `Pf\n<width> <height>\n<scale>\n` ("PF" for colour), then
/// float32 samples with rows stored **bottom to top**. A negative scale means little-endian samples, a
/// positive one big-endian; its magnitude is ignored (samples are returned as stored, as Middlebury's tools do).
///
/// The values have no unit of their own: a Middlebury `disp0GT.pfm` holds disparities in pixels, a
/// `DepthMap` written here holds metres. `inf` samples are kept.
public enum PFM {
    /// The largest width or height read or written.
    public static let maximumSide = 65536

    /// The samples of the PFM at `path`, row-major with the top row first.
    ///
    /// Greyscale ("Pf") and colour ("PF") files are read; of a colour file only the first channel is kept.
    /// Throws a one-line `MediaError` naming the file for a missing file, a wrong magic, a garbage header,
    /// a size that is not a positive integer up to `maximumSide`, or sample data of the wrong length.
    public static func read(_ path: String) throws(MediaError) -> (width: Int, height: Int, values: [Float]) {
        let bytes = try ImageIO.readFile(path)
        let header = try PFMHeader(parsing: bytes, path: path)
        let width = header.width, height = header.height, channels = header.channels
        let expected = width * height * channels * 4, found = bytes.count - header.sampleOffset
        guard found == expected else {
            let kind = channels == 1 ? "greyscale" : "colour"
            let summary = "\(width)x\(height) \(kind) needs \(expected) bytes of samples after the \(header.sampleOffset)-byte header, found \(found)"
            throw .unreadableFormat(source: path, expected: "a PFM float map", reason: found < expected ? "truncated: \(summary)" : summary)
        }
        let copiesWholeRows = channels == 1 && header.isLittleEndian == hostIsLittleEndian
        let values = [Float](unsafeUninitializedCapacity: width * height) { buffer, initializedCount in
            bytes.withUnsafeBytes { raw in
                let samples = raw.baseAddress! + header.sampleOffset
                let fileRowBytes = width &* channels &* 4, sampleStride = channels &* 4
                for row in 0..<height {
                    let source = samples + (height &- 1 &- row) &* fileRowBytes
                    let destination = buffer.baseAddress! + row &* width
                    if copiesWholeRows {
                        UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: fileRowBytes)
                        continue
                    }
                    for x in 0..<width {
                        let bits = source.loadUnaligned(fromByteOffset: x &* sampleStride, as: UInt32.self)
                        destination[x] = Float(bitPattern: header.isLittleEndian ? UInt32(littleEndian: bits) : UInt32(bigEndian: bits))
                    }
                }
            }
            initializedCount = width * height
        }
        return (width, height, values)
    }

    /// Writes `values` (row-major, top row first; `width * height` of them) as a greyscale little-endian PFM
    /// (scale -1.0) to `path`, atomically: a temporary file beside it is renamed over it when complete.
    public static func write(values: [Float], width: Int, height: Int, to path: String) throws(MediaError) {
        precondition(width > 0 && height > 0 && values.count == width * height,
                     "PFM.write needs \(width)x\(height) = \(width * height) values, got \(values.count)")
        guard width <= maximumSide && height <= maximumSide else {
            throw .invalidOption(source: path, option: "PFM size \(width)x\(height)", expected: "at most \(maximumSide) per side")
        }
        let header = Array("Pf\n\(width) \(height)\n-1.0\n".utf8)
        let headerLength = header.count, rowBytes = width * 4
        let bytes = [UInt8](unsafeUninitializedCapacity: headerLength + rowBytes * height) { buffer, initializedCount in
            let output = UnsafeMutableRawPointer(buffer.baseAddress!)
            output.copyMemory(from: header, byteCount: headerLength)
            values.withUnsafeBufferPointer { source in
                for row in 0..<height {
                    let fileRow: Int = height &- 1 &- row
                    let destination = output + (headerLength &+ fileRow &* rowBytes)
                    let sourceRow = source.baseAddress! + row &* width
                    if hostIsLittleEndian {
                        destination.copyMemory(from: sourceRow, byteCount: rowBytes)
                        continue
                    }
                    for x in 0..<width {
                        destination.storeBytes(of: sourceRow[x].bitPattern.littleEndian, toByteOffset: x &* 4, as: UInt32.self)
                    }
                }
            }
            initializedCount = headerLength + rowBytes * height
        }
        try AtomicDestination(finalPath: path).write(bytes)
    }

    #if _endian(little)
    private static let hostIsLittleEndian = true
    #else
    private static let hostIsLittleEndian = false
    #endif
}

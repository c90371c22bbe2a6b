/// The parsed text header of a PFM file: magic, size and scale tokens separated by whitespace, the scale
/// followed by exactly one whitespace byte (usually "\n") before the samples.
struct PFMHeader {
    /// The longest header accepted; real ones are about 20 bytes.
    static let maximumLength = 256

    let width: Int
    let height: Int
    /// 1 for greyscale ("Pf"), 3 for colour ("PF").
    let channels: Int
    /// From the sign of the scale: negative means little-endian samples.
    let isLittleEndian: Bool
    /// Where the first sample byte is.
    let sampleOffset: Int

    /// Parses the header at the start of `bytes`; errors name `path`.
    init(parsing bytes: [UInt8], path: String) throws(MediaError) {
        func failure(_ reason: String) -> MediaError {
            .unreadableFormat(source: path, expected: "a PFM float map", reason: reason)
        }
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "f") || bytes[1] == UInt8(ascii: "F"),
              Self.isWhitespace(bytes[2])
        else { throw failure("no 'Pf' or 'PF' magic line at the start of the file") }
        channels = bytes[1] == UInt8(ascii: "f") ? 1 : 3

        let limit = min(bytes.count, Self.maximumLength)
        var offset = 3
        var tokens: [String] = []
        for name in ["width", "height", "scale"] {
            while offset < limit && Self.isWhitespace(bytes[offset]) { offset += 1 }
            let start = offset
            while offset < limit && !Self.isWhitespace(bytes[offset]) { offset += 1 }
            guard offset < limit, offset > start else {
                throw failure("header ends before its \(name) (expected 'Pf', '<width> <height>', '<scale>' lines within \(Self.maximumLength) bytes)")
            }
            tokens.append(String(decoding: bytes[start..<offset], as: UTF8.self))
        }
        sampleOffset = offset + 1

        func size(_ token: String, _ name: String) throws(MediaError) -> Int {
            guard let value = Int(token), (1...PFM.maximumSide).contains(value) else {
                throw failure("\(name) '\(token)' is not an integer from 1 to \(PFM.maximumSide)")
            }
            return value
        }
        width = try size(tokens[0], "width")
        height = try size(tokens[1], "height")
        guard let scale = Double(tokens[2]), scale.isFinite, scale != 0 else {
            throw failure("scale '\(tokens[2])' is not a non-zero number (negative means little-endian, positive big-endian)")
        }
        isLittleEndian = scale < 0
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

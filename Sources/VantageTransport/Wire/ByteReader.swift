/// Reads little-endian fields from untrusted bytes; every read checks what is left and names
/// the field it was reading when the bytes run out.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ field: String) throws(WireError) -> T {
        let size = MemoryLayout<T>.size
        try need(size, field)
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { destination in
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
            }
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readFlag(_ field: String) throws(WireError) -> Bool {
        switch try read(UInt8.self, field) {
        case 0: return false
        case 1: return true
        case let other: throw WireError(.malformedHeader, "\(field): expected 0 or 1, found \(other)")
        }
    }

    mutating func readString(_ field: String) throws(WireError) -> String {
        let count = Int(try read(UInt16.self, "\(field) length"))
        try need(count, field)
        defer { offset += count }
        guard let string = String(validating: bytes[offset..<offset + count], as: UTF8.self) else {
            throw WireError(.malformedHeader, "\(field): not valid UTF-8")
        }
        return string
    }

    mutating func readBlob(_ field: String, limit: Int) throws(WireError) -> [UInt8] {
        let count = Int(try read(UInt32.self, "\(field) length"))
        guard count <= limit else {
            throw WireError(.malformedHeader, "\(field): \(count) bytes, more than the \(limit) allowed")
        }
        try need(count, field)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    private func need(_ count: Int, _ field: String) throws(WireError) {
        guard count <= remaining else {
            throw WireError(.malformedHeader, "header truncated at byte \(offset): \(field) needs \(count) bytes, \(remaining) left")
        }
    }
}

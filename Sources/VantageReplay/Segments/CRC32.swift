/// CRC-32 (IEEE 802.3, the polynomial of zlib and PNG), table-driven, eight bytes per step
/// ("slicing-by-8": about four times the speed of a byte at a time).
enum CRC32 {
    /// `tables[k][b]`: the CRC of byte `b` followed by `k` zero bytes.
    private static let tables: [[UInt32]] = {
        let first: [UInt32] = (0..<256).map { byte in
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            return crc
        }
        var tables = [first]
        for _ in 1..<8 {
            tables.append((0..<256).map { (tables.last![$0] >> 8) ^ first[Int(tables.last![$0] & 0xFF)] })
        }
        return tables
    }()
    private static let flat: [UInt32] = tables.flatMap { $0 }

    /// The checksum of `bytes`; pass a previous result as `continuing` to checksum several pieces as one.
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = ~previous
        guard let base = bytes.baseAddress else { return previous }
        flat.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var index = 0
            let count = bytes.count
            while index &+ 8 <= count {
                let low = crc ^ base.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                let high = base.loadUnaligned(fromByteOffset: index &+ 4, as: UInt32.self).littleEndian
                crc = t[7 &* 256 &+ Int(low & 0xFF)] ^ t[6 &* 256 &+ Int((low &>> 8) & 0xFF)]
                    ^ t[5 &* 256 &+ Int((low &>> 16) & 0xFF)] ^ t[4 &* 256 &+ Int(low &>> 24)]
                    ^ t[3 &* 256 &+ Int(high & 0xFF)] ^ t[2 &* 256 &+ Int((high &>> 8) & 0xFF)]
                    ^ t[1 &* 256 &+ Int((high &>> 16) & 0xFF)] ^ t[Int(high &>> 24)]
                index &+= 8
            }
            while index < count {
                crc = t[Int(UInt8(truncatingIfNeeded: crc) ^ base.load(fromByteOffset: index, as: UInt8.self))] ^ (crc &>> 8)
                index &+= 1
            }
        }
        return ~crc
    }

    static func checksum(_ bytes: [UInt8], continuing previous: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, continuing: previous) }
    }
}

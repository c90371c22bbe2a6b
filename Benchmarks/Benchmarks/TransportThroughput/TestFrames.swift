/// Distinct rgb24 test frames whose bytes a receiver can check without having them: byte `i` of
/// the frame with sequence `s` is `pattern(i, s % distinct)`.
enum TestFrames {
    /// How many different frames the publisher cycles through.
    static let distinct = 4
    /// Bytes sampled per received frame (spread evenly, first and last included).
    static let samples = 64

    static func pattern(_ offset: Int, frame: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: offset &+ (offset >> 8) &+ frame &* 101)
    }

    static func make(width: Int, height: Int) -> [[UInt8]] {
        (0..<distinct).map { frame in
            [UInt8](unsafeUninitializedCapacity: width * height * 3) { buffer, count in
                for offset in 0..<buffer.count { buffer[offset] = pattern(offset, frame: frame) }
                count = buffer.count
            }
        }
    }

    /// Whether the sampled bytes of `payload` are those of the frame with this sequence number.
    static func check(_ payload: [UInt8], sequence: UInt64) -> Bool {
        guard !payload.isEmpty else { return false }
        let frame = Int(sequence % UInt64(distinct))
        let step = max(1, (payload.count - 1) / (samples - 1))
        return payload.withUnsafeBufferPointer { bytes in
            stride(from: 0, to: bytes.count, by: step).allSatisfy { bytes[$0] == pattern($0, frame: frame) }
                && bytes[bytes.count - 1] == pattern(bytes.count - 1, frame: frame)
        }
    }
}

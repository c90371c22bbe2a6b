import VantageTransport

/// One frame as a segment stores it. All integers are little-endian:
///
///     "VREC"  u32 topic length  u32 header length  u32 payload length
///     topic   header            payload            u32 CRC-32 of every byte before it
///
/// topic and header are exactly the parts `WireProtocol.encodeParts(of:)` sends, so reading a
/// record runs the same checks (`WireProtocol.decode`) as receiving a frame from the network.
enum SegmentRecord {
    static let magic: [UInt8] = Array("VREC".utf8)
    /// Magic and the three lengths.
    static let prefixLength = 16
    static let checksumLength = 4
    /// A topic is two names of at most 200 bytes and a "/".
    static let maxTopicBytes = 401
    /// The header's fixed fields, names and at most 1 MiB of codec extradata.
    static let maxHeaderBytes = 1 << 20 + 4096

    /// The record of a frame's three wire parts.
    static func encode(topic: [UInt8], header: [UInt8], payload: [UInt8]) -> [UInt8] {
        var record: [UInt8] = []
        record.reserveCapacity(prefixLength + topic.count + header.count + payload.count + checksumLength)
        record += magic
        for length in [topic.count, header.count, payload.count] { appendLittleEndian(UInt32(length), to: &record) }
        record += topic
        record += header
        record += payload
        appendLittleEndian(CRC32.checksum(record), to: &record)
        return record
    }

    /// What lies at one offset of a segment's bytes.
    enum Parsed {
        /// A whole, intact record of `length` bytes.
        case frame(WireFrame, length: Int)
        /// Not a readable record; `reason` says what was wrong.
        case unreadable(reason: String)
    }

    /// Parses the record starting at `offset` of `bytes`.
    static func parse(_ bytes: [UInt8], at offset: Int, maxPayloadBytes: Int = WireProtocol.defaultMaxPayloadBytes) -> Parsed {
        let remaining = bytes.count - offset
        guard remaining >= prefixLength else {
            return .unreadable(reason: "truncated: a record starts with \(prefixLength) bytes, \(remaining) left")
        }
        guard bytes[offset..<offset + 4].elementsEqual(magic) else {
            return .unreadable(reason: "expected the record magic \"VREC\"")
        }
        let topicLength = Int(littleEndianUInt32(bytes, at: offset + 4))
        let headerLength = Int(littleEndianUInt32(bytes, at: offset + 8))
        let payloadLength = Int(littleEndianUInt32(bytes, at: offset + 12))
        guard topicLength <= maxTopicBytes, headerLength <= maxHeaderBytes, payloadLength <= maxPayloadBytes else {
            return .unreadable(reason: "record lengths (topic \(topicLength), header \(headerLength), payload \(payloadLength) bytes) exceed the limits (\(maxTopicBytes), \(maxHeaderBytes), \(maxPayloadBytes))")
        }
        let length = prefixLength + topicLength + headerLength + payloadLength + checksumLength
        guard remaining >= length else {
            return .unreadable(reason: "truncated: the record needs \(length) bytes, \(remaining) left")
        }
        let checked = offset + length - checksumLength
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[offset..<checked])) }
        let stored = littleEndianUInt32(bytes, at: checked)
        guard computed == stored else {
            return .unreadable(reason: "CRC-32 mismatch over \(length - checksumLength) bytes (stored \(hex(stored)), computed \(hex(computed)))")
        }
        let topicStart = offset + prefixLength, headerStart = topicStart + topicLength, payloadStart = headerStart + headerLength
        let parts = [Array(bytes[topicStart..<headerStart]), Array(bytes[headerStart..<payloadStart]),
                     Array(bytes[payloadStart..<checked])]
        do {
            switch try WireProtocol.decode(parts, maxPayloadBytes: maxPayloadBytes) {
            case let .frame(frame): return .frame(frame, length: length)
            case .status: return .unreadable(reason: "holds a heartbeat, not a frame")
            }
        } catch {
            return .unreadable(reason: "not a valid wire-protocol frame: \(error.message)")
        }
    }

    private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func littleEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}

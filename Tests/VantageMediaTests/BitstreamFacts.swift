import VantageMedia

/// Facts about compressed packets read straight from their bytes, without FFmpeg: an independent
/// check that `PacketReader` hands out whole, correctly delimited packets with the right keyframe flags.
enum BitstreamFacts {
    /// Whether the packet's own bytes say it is whole (H.264 NAL units, a VP9 superframe index) and
    /// a keyframe exactly when it is flagged as one; false for codecs not parsed here.
    static func isWellFormed(_ packet: EncodedPacket, parameters: CodecParameters) -> Bool {
        switch parameters.codecName {
        case "h264":
            guard let lengthSize = avcLengthSize(parameters.extradata),
                  let types = h264NALTypes(packet.data, lengthSize: lengthSize)
            else { return false }
            return types.contains(5) == packet.isKeyframe  // 5: a slice of an IDR picture
        case "vp9":
            return vp9FrameSizes(packet.data) != nil && vp9FirstFrameIsKeyframe(packet.data) == packet.isKeyframe
        case "mpeg4":
            return mpeg4FirstVOPIsIntra(packet.data) == packet.isKeyframe
        default:
            return false
        }
    }

    /// The NAL unit types of an H.264 packet in MP4 form (each unit preceded by its big-endian
    /// length in `lengthSize` bytes); nil unless the units tile the packet exactly.
    static func h264NALTypes(_ bytes: [UInt8], lengthSize: Int) -> [UInt8]? {
        var types: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            guard offset + lengthSize <= bytes.count else { return nil }
            let length = bytes[offset..<offset + lengthSize].reduce(0) { $0 << 8 | Int($1) }
            offset += lengthSize
            guard length > 0, offset + length <= bytes.count else { return nil }
            types.append(bytes[offset] & 0x1F)
            offset += length
        }
        return types.isEmpty ? nil : types
    }

    /// The NAL length size of an `avcC` record (H.264 extradata in MP4); nil when it is not one.
    static func avcLengthSize(_ extradata: [UInt8]) -> Int? {
        guard extradata.count >= 7, extradata[0] == 1 else { return nil }
        return Int(extradata[4] & 0x03) + 1
    }

    /// Whether the first VOP of an MPEG-4 Part 2 packet is intra-coded; nil when it has no VOP start code.
    static func mpeg4FirstVOPIsIntra(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 5 else { return nil }
        for index in 0..<(bytes.count - 4) where bytes[index..<index + 4].elementsEqual([0, 0, 1, 0xB6]) {
            return bytes[index + 4] >> 6 == 0
        }
        return nil
    }

    /// Whether a VP9 packet's first frame is a keyframe; nil without the VP9 frame marker.
    static func vp9FirstFrameIsKeyframe(_ bytes: [UInt8]) -> Bool? {
        guard let first = bytes.first, first >> 6 == 0b10 else { return nil }
        let profile = (first >> 5 & 1) | (first >> 4 & 1) << 1
        var bit = profile == 3 ? 2 : 3  // bits left of the frame header's next field (profile 3 has a reserved bit)
        let showExistingFrame = first >> bit & 1 == 1
        if showExistingFrame { return false }
        bit -= 1
        return first >> bit & 1 == 0  // frame_type 0: KEY_FRAME
    }

    /// The frame sizes in a VP9 superframe index that tile the rest of the packet; [size] when the
    /// packet holds one frame; nil when an index is present but inconsistent.
    static func vp9FrameSizes(_ bytes: [UInt8]) -> [Int]? {
        guard let marker = bytes.last, marker & 0xE0 == 0xC0 else { return [bytes.count] }
        let frameCount = Int(marker & 0x07) + 1, sizeBytes = Int(marker >> 3 & 0x03) + 1
        let indexSize = 2 + frameCount * sizeBytes
        guard bytes.count >= indexSize, bytes[bytes.count - indexSize] == marker else { return nil }
        var offset = bytes.count - indexSize + 1
        var sizes: [Int] = []
        for _ in 0..<frameCount {
            sizes.append(bytes[offset..<offset + sizeBytes].reversed().reduce(0) { $0 << 8 | Int($1) })
            offset += sizeBytes
        }
        return sizes.reduce(0, +) == bytes.count - indexSize ? sizes : nil
    }
}

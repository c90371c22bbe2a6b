import CFFmpeg

extension EncodedPacket {
    /// A copy of a demuxed packet's bytes, timestamps and keyframe flag.
    init(_ packet: UnsafeMutablePointer<AVPacket>) {
        let noTimestamp = vantage_av_nopts_value()
        let source = packet.pointee
        self.init(
            data: source.data.map { Array(UnsafeBufferPointer(start: $0, count: Int(max(source.size, 0)))) } ?? [],
            presentationTimestamp: source.pts == noTimestamp ? nil : source.pts,
            decodeTimestamp: source.dts == noTimestamp ? nil : source.dts,
            duration: source.duration,
            isKeyframe: source.flags & AV_PKT_FLAG_KEY != 0)
    }

    /// Fills `packet` (unreferenced first) with a copy of the bytes in a new buffer followed by
    /// `AV_INPUT_BUFFER_PADDING_SIZE` zeroed bytes, as decoders require, and with the timestamps and flags.
    func copy(into packet: PacketOwner, source: String) throws(MediaError) {
        let padding = Int(vantage_av_input_buffer_padding_size())
        guard data.count <= Int(Int32.max) - padding else {
            throw .invalidOption(source: source, option: "packet size \(data.count) bytes",
                                 expected: "at most \(Int(Int32.max) - padding) bytes")
        }
        av_packet_unref(packet.pointer)
        try checkFFmpeg(av_new_packet(packet.pointer, Int32(data.count)), source: source,
                        operation: "allocating a \(data.count)-byte packet")
        data.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress, let destination = packet.pointer.pointee.data {
                destination.update(from: base, count: bytes.count)
            }
        }
        packet.pointer.pointee.pts = presentationTimestamp ?? vantage_av_nopts_value()
        packet.pointer.pointee.dts = decodeTimestamp ?? vantage_av_nopts_value()
        packet.pointer.pointee.duration = duration
        packet.pointer.pointee.flags = isKeyframe ? AV_PKT_FLAG_KEY : 0
    }
}

import CFFmpeg

/// Muxing steps shared by `VideoWriter` (a file) and `StreamWriter` (a sink).
extension OutputFormatOwner {
    /// Writes the container header with `container`'s muxer options; errors name `source`.
    func writeHeader(container: ContainerFormat, source: String) throws(MediaError) {
        var muxerOptions: OpaquePointer?
        defer { av_dict_free(&muxerOptions) }
        for option in container.muxerOptions {
            av_dict_set(&muxerOptions, option.key, option.value, 0)
        }
        try checkFFmpeg(avformat_write_header(pointer, &muxerOptions), source: source,
                        operation: "writing the \(container.rawValue) header")
    }

    /// Rescales an encoder's packet from its time base to `stream`'s and muxes it (interleaved).
    func write(_ packet: UnsafeMutablePointer<AVPacket>, from encoder: VideoEncoder,
               to stream: UnsafeMutablePointer<AVStream>, source: String) throws(MediaError) {
        av_packet_rescale_ts(packet, encoder.timeBase, stream.pointee.time_base)
        packet.pointee.stream_index = stream.pointee.index
        try checkFFmpeg(av_interleaved_write_frame(pointer, packet), source: source, operation: "writing a packet")
    }
}

import CFFmpeg

/// What `avcodec_send_packet` did with a packet.
enum PacketAcceptance: Equatable {
    case accepted
    /// The decoder rejected the packet as damaged (AVERROR_INVALIDDATA): count it and go on receiving.
    case damaged
}

/// Steps shared by `MediaReader` and `PacketDecoder`.
extension CodecContextOwner {
    /// Opens a configured decoder context with `threadCount` threads (0: FFmpeg chooses) and the
    /// time base of the packets it will be sent.
    func openDecoder(_ codec: UnsafePointer<AVCodec>, threadCount: Int, packetTimeBase: AVRational,
                     source: String, codecName: String) throws(MediaError) {
        pointer.pointee.thread_count = Int32(clamping: threadCount)
        pointer.pointee.pkt_timebase = packetTimeBase
        try checkFFmpeg(avcodec_open2(pointer, codec, nil), source: source, operation: "opening the \(codecName) decoder")
    }

    /// Sends one packet, or the end-of-input flush when `packet` is nil; failures other than damage throw.
    ///
    /// Callers receive until the decoder asks for input (EAGAIN) before sending, so libavcodec takes
    /// the packet; if it refused anyway, that refusal throws like any other failure.
    func send(_ packet: UnsafeMutablePointer<AVPacket>?, source: String,
              operation: @autoclosure () -> String) throws(MediaError) -> PacketAcceptance {
        let code = avcodec_send_packet(pointer, packet)
        if code == vantage_averror_invaliddata() { return .damaged }
        try checkFFmpeg(code, source: source, operation: operation())
        return .accepted
    }
}

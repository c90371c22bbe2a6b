import CFFmpeg

/// The receiving half of a video decoder, shared by `MediaReader` (which pulls packets from a file)
/// and `PacketDecoder` (which is handed packets): takes each decoded picture out of the decoder and
/// stamps it with its presentation time on `clock`.
struct FrameReceiver {
    /// What one `avcodec_receive_frame` gave.
    enum Outcome {
        case frame(DecodedFrame)
        /// The decoder needs another packet (or the end-of-input flush) first.
        case needsInput
        /// The decoder is fully drained.
        case endOfStream
        /// A packet it was sent earlier turned out damaged (AVERROR_INVALIDDATA); receive again.
        case damaged
    }

    let source: String
    let clock: StreamClock
    /// One frame period in `clock`'s time base, for frames without any timestamp; when nil, the
    /// frame's packet duration is used instead.
    let framePeriod: Int64?
    private let received: FrameOwner
    private var previousTimestamp: Int64?

    init(source: String, clock: StreamClock, framePeriod: Int64?) throws(MediaError) {
        self.source = source
        self.clock = clock
        self.framePeriod = framePeriod
        received = try FrameOwner()
    }

    mutating func receive(from decoder: CodecContextOwner) throws(MediaError) -> Outcome {
        let code = avcodec_receive_frame(decoder.pointer, received.pointer)
        if code == vantage_averror_invaliddata() { return .damaged }
        switch try CodecStep(code, source: source, operation: "decoding a frame") {
        case .done: return .frame(try takeReceivedFrame())
        case .needsOtherSide: return .needsInput
        case .endOfStream: return .endOfStream
        }
    }

    /// Moves the received frame into a new owner and stamps its presentation time
    /// (the decoder's best-effort timestamp, else one period after the previous frame).
    private mutating func takeReceivedFrame() throws(MediaError) -> DecodedFrame {
        let owner = try FrameOwner()
        av_frame_move_ref(owner.pointer, received.pointer)
        let bestEffort = owner.pointer.pointee.best_effort_timestamp
        let timestamp = bestEffort != vantage_av_nopts_value()
            ? bestEffort : estimatedNextTimestamp(packetDuration: owner.pointer.pointee.pkt_duration)
        previousTimestamp = timestamp
        return DecodedFrame(frame: owner, timestamp: timestamp,
                            microseconds: clock.microsecondsFromStart(timestamp),
                            seconds: clock.secondsFromStart(timestamp))
    }

    private func estimatedNextTimestamp(packetDuration: Int64) -> Int64 {
        guard let previous = previousTimestamp else { return clock.startTimestamp }
        return previous &+ max(1, framePeriod ?? packetDuration)
    }
}

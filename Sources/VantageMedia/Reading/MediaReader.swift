import CFFmpeg

/// Demuxes and decodes the best video stream of a file or URL, frame by frame.
///
/// Not thread-safe: use one reader from one thread at a time.
public final class MediaReader {
    /// What the stream holds.
    public let info: VideoStreamInfo
    let input: InputFormatOwner
    let decoder: CodecContextOwner
    let stream: UnsafeMutablePointer<AVStream>
    private let packet: PacketOwner
    private let receivedFrame: FrameOwner
    /// Timestamp of the stream's first frame (0 when the container gives none).
    let startTimestamp: Int64
    /// The decoder was sent its end-of-input flush.
    var inputEnded = false
    /// The decoder is fully drained; `nextFrame()` returns nil.
    var finished = false
    /// A frame decoded past a seek target, handed out by the next `nextFrame()`.
    var heldFrame: DecodedFrame?
    private var previousTimestamp: Int64?
    /// Packets the decoder rejected as damaged (AVERROR_INVALIDDATA); they are skipped, not fatal.
    public private(set) var damagedPacketCount = 0

    /// Opens `source` (a path or any URL libavformat opens) and prepares a decoder for its best video stream.
    /// - Parameter threadCount: decoder threads; 0 lets FFmpeg choose. Output order is deterministic either way.
    public init(_ source: String, threadCount: Int = 0) throws(MediaError) {
        let input = try InputFormatOwner(source: source)
        let index = av_find_best_stream(input.pointer, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        guard index >= 0, let stream = input.pointer.pointee.streams[Int(index)] else {
            throw .noVideoStream(source: source)
        }
        let info = VideoStreamInfo(source: source, format: input.pointer, stream: stream)
        guard let codec = avcodec_find_decoder(stream.pointee.codecpar.pointee.codec_id) else {
            throw .noDecoder(source: source, codec: info.codecName)
        }
        let decoder = try CodecContextOwner(codec: codec)
        try checkFFmpeg(avcodec_parameters_to_context(decoder.pointer, stream.pointee.codecpar),
                        source: source, operation: "configuring the \(info.codecName) decoder")
        decoder.pointer.pointee.thread_count = Int32(threadCount)
        decoder.pointer.pointee.pkt_timebase = stream.pointee.time_base
        try checkFFmpeg(avcodec_open2(decoder.pointer, codec, nil),
                        source: source, operation: "opening the \(info.codecName) decoder")

        self.info = info
        self.input = input
        self.decoder = decoder
        self.stream = stream
        packet = try PacketOwner()
        receivedFrame = try FrameOwner()
        let start = stream.pointee.start_time
        startTimestamp = start == vantage_av_nopts_value() ? 0 : start
    }

    public var source: String { info.source }

    /// The next frame in presentation order, or nil once the decoder is drained at the end of the stream.
    /// Damaged packets are skipped and counted in `damagedPacketCount`; after any other error the
    /// reader is finished and returns nil.
    public func nextFrame() throws(MediaError) -> DecodedFrame? {
        if let held = heldFrame {
            heldFrame = nil
            return held
        }
        do {
            while !finished {
                let code = avcodec_receive_frame(decoder.pointer, receivedFrame.pointer)
                switch try CodecStep(code, source: source, operation: "decoding a frame") {
                case .done: return try takeReceivedFrame()
                case .endOfStream: finished = true
                case .needsOtherSide: try feedDecoder()
                }
            }
            return nil
        } catch {
            finished = true
            throw error
        }
    }

    /// Sends the next packet of our stream, or the end-of-input flush at end of file.
    private func feedDecoder() throws(MediaError) {
        precondition(!inputEnded, "decoder asked for input after the end-of-input flush")
        while true {
            let readCode = av_read_frame(input.pointer, packet.pointer)
            if readCode == vantage_averror_eof() {
                inputEnded = true
                try checkFFmpeg(avcodec_send_packet(decoder.pointer, nil), source: source, operation: "draining the decoder")
                return
            }
            try checkFFmpeg(readCode, source: source, operation: "reading a packet")
            defer { av_packet_unref(packet.pointer) }
            guard packet.pointer.pointee.stream_index == stream.pointee.index else { continue }
            let sendCode = avcodec_send_packet(decoder.pointer, packet.pointer)
            if sendCode == vantage_averror_invaliddata() {
                damagedPacketCount += 1
                continue
            }
            try checkFFmpeg(sendCode, source: source, operation: "decoding the packet at \(describe(packet.pointer.pointee.pts))")
            return
        }
    }

    /// Moves the received frame into a new owner and stamps its presentation time.
    private func takeReceivedFrame() throws(MediaError) -> DecodedFrame {
        let owner = try FrameOwner()
        av_frame_move_ref(owner.pointer, receivedFrame.pointer)
        let bestEffort = owner.pointer.pointee.best_effort_timestamp
        let timestamp = bestEffort != vantage_av_nopts_value() ? bestEffort : estimatedNextTimestamp()
        previousTimestamp = timestamp
        let fromStart = timestamp &- startTimestamp
        return DecodedFrame(
            frame: owner, timestamp: timestamp,
            microseconds: av_rescale_q(fromStart, stream.pointee.time_base, AVRational(num: 1, den: 1_000_000)),
            seconds: Double(fromStart) * Double(info.timeBase.numerator) / Double(info.timeBase.denominator))
    }

    /// One frame period after the previous frame, for frames without any timestamp.
    private func estimatedNextTimestamp() -> Int64 {
        guard let previous = previousTimestamp else { return startTimestamp }
        guard info.frameRate.isPositive else { return previous &+ 1 }
        let period = AVRational(num: info.frameRate.denominator, den: info.frameRate.numerator)
        return previous &+ max(1, av_rescale_q(1, period, stream.pointee.time_base))
    }

    func describe(_ timestamp: Int64) -> String {
        guard timestamp != vantage_av_nopts_value() else { return "an unknown time" }
        let seconds = Double(timestamp &- startTimestamp) * info.timeBase.doubleValue
        return "\((seconds * 1000).rounded() / 1000) s"
    }
}

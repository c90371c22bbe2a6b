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
    private var receiver: FrameReceiver
    /// Timestamp of the stream's first frame (0 when the container gives none).
    var startTimestamp: Int64 { receiver.clock.startTimestamp }
    /// The decoder was sent its end-of-input flush.
    var inputEnded = false
    /// The decoder is fully drained; `nextFrame()` returns nil.
    var finished = false
    /// A frame decoded past a seek target, handed out by the next `nextFrame()`.
    var heldFrame: DecodedFrame?
    /// Packets the decoder rejected as damaged (AVERROR_INVALIDDATA); they are skipped, not fatal.
    public private(set) var damagedPacketCount = 0

    /// Opens `source` (a path or any URL libavformat opens) and prepares a decoder for its best video stream.
    /// - Parameter threadCount: decoder threads; 0 lets FFmpeg choose. Output order is deterministic either way.
    public init(_ source: String, threadCount: Int = 0) throws(MediaError) {
        let input = try InputFormatOwner(source: source)
        let stream = try input.bestVideoStream(source: source)
        let info = VideoStreamInfo(source: source, format: input.pointer, stream: stream)
        guard let codec = avcodec_find_decoder(stream.pointee.codecpar.pointee.codec_id) else {
            throw .noDecoder(source: source, codec: info.codecName)
        }
        let decoder = try CodecContextOwner(codec: codec)
        try checkFFmpeg(avcodec_parameters_to_context(decoder.pointer, stream.pointee.codecpar),
                        source: source, operation: "configuring the \(info.codecName) decoder")
        try decoder.openDecoder(codec, threadCount: threadCount, packetTimeBase: stream.pointee.time_base,
                                source: source, codecName: info.codecName)

        self.info = info
        self.input = input
        self.decoder = decoder
        self.stream = stream
        packet = try PacketOwner()
        receiver = try FrameReceiver(source: source, clock: StreamClock(stream: stream),
                                     framePeriod: Self.framePeriod(of: info, timeBase: stream.pointee.time_base))
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
                switch try receiver.receive(from: decoder) {
                case let .frame(frame): return frame
                case .endOfStream: finished = true
                case .needsInput: try feedDecoder()
                case .damaged: damagedPacketCount += 1
                }
            }
            return nil
        } catch {
            finished = true
            throw error
        }
    }

    /// Sends the next packet of our stream, or the end-of-input flush at end of file; a packet the
    /// decoder rejects as damaged is counted, and receiving resumes (the decoder may hold more output).
    private func feedDecoder() throws(MediaError) {
        precondition(!inputEnded, "decoder asked for input after the end-of-input flush")
        while true {
            let readCode = av_read_frame(input.pointer, packet.pointer)
            if readCode == vantage_averror_eof() {
                inputEnded = true
                if try decoder.send(nil, source: source, operation: "draining the decoder") == .damaged {
                    damagedPacketCount += 1
                }
                return
            }
            try checkFFmpeg(readCode, source: source, operation: "reading a packet")
            defer { av_packet_unref(packet.pointer) }
            guard packet.pointer.pointee.stream_index == stream.pointee.index else { continue }
            if try decoder.send(packet.pointer, source: source,
                                operation: "decoding the packet at \(describe(packet.pointer.pointee.pts))") == .damaged {
                damagedPacketCount += 1
            }
            return
        }
    }

    /// One frame period in the stream's time base, for frames without any timestamp; nil when the rate is unknown.
    private static func framePeriod(of info: VideoStreamInfo, timeBase: AVRational) -> Int64? {
        guard info.frameRate.isPositive else { return nil }
        let period = AVRational(num: info.frameRate.denominator, den: info.frameRate.numerator)
        return max(1, av_rescale_q(1, period, timeBase))
    }

    func describe(_ timestamp: Int64) -> String { receiver.clock.describe(timestamp) }
}

import CFFmpeg

/// Decodes compressed packets handed to it (from a `PacketReader`, the network, the replay store)
/// into frames that `PixelConverter` turns into images.
///
/// Send packets in decode order, starting at a keyframe; a decoder with B-frames or several threads
/// returns frames a few packets late, and `flush()` hands out the rest at the end.
/// Not thread-safe: use one decoder from one thread at a time.
public final class PacketDecoder {
    public let parameters: CodecParameters
    /// Names the packets' origin in errors.
    public let source: String
    /// Packets the decoder rejected as damaged (AVERROR_INVALIDDATA) or that were empty; they are
    /// skipped, not fatal.
    public private(set) var damagedPacketCount = 0
    private let decoder: CodecContextOwner
    private let packet: PacketOwner
    private var receiver: FrameReceiver

    /// Opens the decoder for `parameters.codecName` after verifying the parameters.
    /// - Parameters:
    ///   - startTimestamp: the stream's start in its time base (`PacketReader.startTimestamp`):
    ///     frames' `microseconds` and `seconds` count from it.
    ///   - threadCount: decoder threads; 0 lets FFmpeg choose. More threads delay the output by
    ///     more packets; the frames are the same.
    ///   - source: names the packets' origin (a file, a peer) in errors; "<codec> packets" when nil.
    public init(_ parameters: CodecParameters, startTimestamp: Int64 = 0, threadCount: Int = 1,
                source: String? = nil) throws(MediaError) {
        let source = source ?? "\(parameters.codecName) packets"
        guard threadCount >= 0 else {
            throw .invalidOption(source: source, option: "thread count \(threadCount)", expected: "0 (automatic) or more")
        }
        let codec = try parameters.findDecoder(source: source)
        let decoder = try CodecContextOwner(codec: codec)
        try parameters.configure(decoder, source: source)
        try decoder.openDecoder(codec, threadCount: threadCount, packetTimeBase: parameters.timeBase.avRational,
                                source: source, codecName: parameters.codecName)
        self.parameters = parameters
        self.source = source
        self.decoder = decoder
        packet = try PacketOwner()
        receiver = try FrameReceiver(
            source: source, clock: StreamClock(timeBase: parameters.timeBase, startTimestamp: startTimestamp),
            framePeriod: nil)
    }

    /// Sends one packet and returns the frames it completed, in presentation order (often none yet,
    /// or a frame of an earlier packet). An empty or damaged packet is counted and skipped.
    public func decode(_ encoded: EncodedPacket) throws(MediaError) -> [DecodedFrame] {
        guard !encoded.data.isEmpty else {
            damagedPacketCount += 1
            return []
        }
        try encoded.copy(into: packet, source: source)
        defer { av_packet_unref(packet.pointer) }
        let acceptance = try decoder.send(
            packet.pointer, source: source, operation: "decoding the packet at \(receiver.clock.describe(packet.pointer.pointee.pts))")
        if acceptance == .damaged { damagedPacketCount += 1 }
        return try receiveAvailable()
    }

    /// Drains the frames the decoder still holds, then resets it (even when draining fails), so it
    /// takes packets again from a keyframe on: the end of a clip, or a jump to another time.
    public func flush() throws(MediaError) -> [DecodedFrame] {
        defer { avcodec_flush_buffers(decoder.pointer) }
        if try decoder.send(nil, source: source, operation: "draining the decoder") == .damaged {
            damagedPacketCount += 1
        }
        return try receiveAvailable()
    }

    /// Every frame the decoder can give before it needs more input (or is drained).
    private func receiveAvailable() throws(MediaError) -> [DecodedFrame] {
        var frames: [DecodedFrame] = []
        while true {
            switch try receiver.receive(from: decoder) {
            case let .frame(frame): frames.append(frame)
            case .damaged: damagedPacketCount += 1
            case .needsInput, .endOfStream: return frames
            }
        }
    }
}

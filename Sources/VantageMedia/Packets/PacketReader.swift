import CFFmpeg

/// Demuxes the best video stream of a file or URL into compressed packets, without decoding them.
///
/// Packets come in the container's (decode) order, their bytes exactly as `av_read_frame` gives
/// them; `codecParameters` is what a `PacketDecoder` needs to decode them elsewhere.
/// Not thread-safe: use one reader from one thread at a time.
public final class PacketReader {
    /// What the stream holds.
    public let info: VideoStreamInfo
    /// The stream's codec, setup bytes, picture size and time base.
    public let codecParameters: CodecParameters
    /// Converts the packets' timestamps into time from the stream's start.
    public let clock: StreamClock
    private let input: InputFormatOwner
    private let streamIndex: Int32
    private let packet: PacketOwner
    private var packetsRead = 0
    /// The end was reached or reading failed; `nextPacket()` returns nil.
    private var finished = false

    /// Opens `source` (a path or any URL libavformat opens) and picks its best video stream.
    public init(_ source: String) throws(MediaError) {
        let input = try InputFormatOwner(source: source)
        let stream = try input.bestVideoStream(source: source)
        info = VideoStreamInfo(source: source, format: input.pointer, stream: stream)
        codecParameters = CodecParameters(stream: stream)
        clock = StreamClock(stream: stream)
        self.input = input
        streamIndex = stream.pointee.index
        packet = try PacketOwner()
    }

    public var source: String { info.source }

    /// Timestamp of the stream's start in its time base (0 when the container gives none):
    /// a packet's time from the start is `clock.microsecondsFromStart(pts)`.
    public var startTimestamp: Int64 { clock.startTimestamp }

    /// The next packet of the video stream, or nil at the end.
    ///
    /// A damaged or cut-short file gives the packets before the damage, then nil or an error naming
    /// the source; after an error the reader is finished and returns nil.
    public func nextPacket() throws(MediaError) -> EncodedPacket? {
        while !finished {
            let code = av_read_frame(input.pointer, packet.pointer)
            if code == vantage_averror_eof() {
                finished = true
                return nil
            }
            if code < 0 { finished = true }
            try checkFFmpeg(code, source: source, operation: "reading the packet after \(packetsRead) video packets")
            defer { av_packet_unref(packet.pointer) }
            guard packet.pointer.pointee.stream_index == streamIndex else { continue }
            packetsRead += 1
            return EncodedPacket(packet.pointer)
        }
        return nil
    }
}

import VantageMedia

/// A decoder part-way through one camera's run of packets, kept between requests: stepping
/// forward through a replay then sends every packet once, instead of decoding again from the
/// keyframe for every frame (which a cache cannot prevent once a group of pictures outgrows it).
///
/// Not thread-safe: `ReplayDecoder` hands a session to one request at a time.
final class DecodingSession {
    private let decoder: PacketDecoder
    private(set) var run: [ReplayIndexEntry]
    /// Packets of `run` sent so far.
    private(set) var sent = 0
    /// Presentation timestamps of the pictures already put out.
    private(set) var shown: Set<Int64> = []
    /// The decoder was flushed at the end of the run: it takes nothing more.
    private(set) var isDrained = false

    init(_ parameters: CodecParameters, run: [ReplayIndexEntry], source: String) throws(MediaError) {
        decoder = try PacketDecoder(parameters, source: source)
        self.run = run
    }

    /// Whether this session can produce `target`'s picture from `run` (the run computed for the
    /// request): same keyframe, the packets sent so far still there, the picture not yet put out.
    func canContinue(to run: [ReplayIndexEntry], target: Int64) -> Bool {
        !isDrained && !shown.contains(target) && run.first == self.run.first && run.count >= sent
            && (sent == 0 || run[sent - 1] == self.run[sent - 1])
    }

    /// Adopts the request's run (it may have grown since: the camera's newest group of pictures).
    func extend(to run: [ReplayIndexEntry]) { self.run = run }

    /// Sends the next packet and returns the pictures it completed; at the end of the run, drains the decoder.
    func step(reading frame: (ReplayIndexEntry) throws(ReplayError) -> EncodedPacket) throws(ReplayError) -> [DecodedFrame] {
        precondition(!isDrained, "stepping a drained decoding session")
        let frames: [DecodedFrame]
        if sent < run.count {
            let packet = try frame(run[sent])
            sent += 1
            frames = try Self.decoding { () throws(MediaError) in try decoder.decode(packet) }
        } else {
            isDrained = true
            frames = try Self.decoding { () throws(MediaError) in try decoder.flush() }
        }
        for frame in frames { shown.insert(frame.timestamp) }
        return frames
    }

    /// Runs a decoder step; its `MediaError` (which names the source) becomes `.decodingFailed`.
    static func decoding<T>(_ step: () throws(MediaError) -> T) throws(ReplayError) -> T {
        do { return try step() } catch { throw ReplayError(.decodingFailed, error.description) }
    }
}

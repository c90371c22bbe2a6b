import VantageGeometry

/// Turns a frame's time in its stream into capture time on the rig's common clock: from a
/// per-frame timestamp file when the rig names one, else stream time plus the media's offset.
struct CaptureClock: Sendable {
    /// Per-frame capture times (frame n has time n), or nil to use stream time plus `offset`.
    let frameTimes: [Int64]?
    let offsetMicroseconds: Int64
    /// The stream's frame rate, which turns stream time into a frame number for `frameTimes`.
    let framesPerSecond: Double

    init(media: MediaReference, framesPerSecond: Double) throws(InputError) {
        frameTimes = try media.timestamps?.captureMicroseconds()
        offsetMicroseconds = media.offsetMicroseconds
        self.framesPerSecond = framesPerSecond
    }

    /// Capture time of the frame shown `streamMicroseconds` after the stream's start; nil when a
    /// timestamp file has no row for that frame.
    func captureMicroseconds(streamMicroseconds: Int64) -> Int64? {
        guard let frameTimes else { return offsetMicroseconds + streamMicroseconds }
        let frame = Int((Double(streamMicroseconds) * framesPerSecond / 1_000_000).rounded())
        return frameTimes.indices.contains(frame) ? frameTimes[frame] : nil
    }
}

import CFFmpeg

/// Turns timestamps in a stream's time base into time from the stream's start.
///
/// The start is the stream's own start time (its first frame), so the first frame of a clip is at
/// (about) 0 whatever the container's timestamp offset (MPEG-TS starts at 1.4 s, for instance).
public struct StreamClock: Sendable, Hashable {
    /// Unit of the stream's timestamps.
    public let timeBase: MediaRational
    /// Timestamp of the stream's start, in `timeBase` units.
    public let startTimestamp: Int64

    public init(timeBase: MediaRational, startTimestamp: Int64 = 0) {
        self.timeBase = timeBase
        self.startTimestamp = startTimestamp
    }

    /// The stream's time base and start time (0 when the container gives none).
    init(stream: UnsafeMutablePointer<AVStream>) {
        let start = stream.pointee.start_time
        self.init(timeBase: MediaRational(stream.pointee.time_base),
                  startTimestamp: start == vantage_av_nopts_value() ? 0 : start)
    }

    /// `timestamp` as microseconds from the start, rounded to the nearest microsecond.
    public func microsecondsFromStart(_ timestamp: Int64) -> Int64 {
        av_rescale_q(timestamp &- startTimestamp, timeBase.avRational, AVRational(num: 1, den: 1_000_000))
    }

    /// `timestamp` as seconds from the start.
    public func secondsFromStart(_ timestamp: Int64) -> Double {
        Double(timestamp &- startTimestamp) * Double(timeBase.numerator) / Double(timeBase.denominator)
    }

    /// "1.234 s" from the start (to the millisecond), or "an unknown time" for `AV_NOPTS_VALUE`; for messages.
    func describe(_ timestamp: Int64) -> String {
        guard timestamp != vantage_av_nopts_value() else { return "an unknown time" }
        return "\((secondsFromStart(timestamp) * 1000).rounded() / 1000) s"
    }
}

/// Groups the frames of free-running or frame-locked cameras into moments by capture time.
///
/// Frames join a moment when they all lie within `toleranceMicroseconds` of its midpoint (a
/// spread of at most twice the tolerance). Starting from the earliest frame not yet grouped,
/// each other camera contributes its next frame when that frame is inside the window and closer
/// to the starting frame than to the starting camera's following frame (which would make a
/// better partner). Every frame ends up in exactly one moment.
public struct Synchronizer: Sendable {
    /// Every camera a complete moment needs.
    public var cameras: [String]
    public var toleranceMicroseconds: Int64

    public init(cameras: [String], toleranceMicroseconds: Int64) {
        precondition(toleranceMicroseconds >= 0, "negative sync tolerance")
        self.cameras = cameras.sorted()
        self.toleranceMicroseconds = toleranceMicroseconds
    }

    /// Half the median frame interval over all cameras: the default tolerance (nil with fewer
    /// than two frames of any camera).
    public static func halfFrameInterval(_ captureTimes: [String: [Int64]]) -> Int64? {
        var intervals: [Int64] = []
        for times in captureTimes.values {
            let sorted = times.sorted()
            intervals += zip(sorted, sorted.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }
        }
        guard !intervals.isEmpty else { return nil }
        intervals.sort()
        return intervals[intervals.count / 2] / 2
    }

    /// The moments of `captureTimes` (per camera, any order), in time order.
    public func moments(_ captureTimes: [String: [Int64]]) -> [SyncedMoment] {
        // Streams in name order, so that of two heads at the same time the first name starts the moment.
        let names = captureTimes.keys.sorted()
        let streams = names.map { captureTimes[$0]!.sorted() }
        let expected = Set(cameras).sorted()
        var next = [Int](repeating: 0, count: streams.count)
        var moments: [SyncedMoment] = []
        moments.reserveCapacity(streams.map(\.count).max() ?? 0)
        while let anchorStream = earliestHead(streams, next) {
            let anchor = streams[anchorStream][next[anchorStream]]
            next[anchorStream] += 1
            let anchorFollower: Int64? = next[anchorStream] < streams[anchorStream].count ? streams[anchorStream][next[anchorStream]] : nil
            var frames = [names[anchorStream]: anchor]
            var low = anchor, high = anchor
            for stream in streams.indices where stream != anchorStream && next[stream] < streams[stream].count {
                let time = streams[stream][next[stream]]
                let fitsWindow = time - anchor <= 2 * toleranceMicroseconds
                let closerToAnchor = anchorFollower.map { time - anchor < $0 - time } ?? true
                if fitsWindow && closerToAnchor {
                    frames[names[stream]] = time
                    next[stream] += 1
                    low = min(low, time)
                    high = max(high, time)
                }
            }
            let missing = expected.filter { frames[$0] == nil }
            moments.append(SyncedMoment(captureMicroseconds: low + (high - low) / 2, frames: frames, missingCameras: missing))
        }
        return moments
    }

    /// The stream whose next frame is the earliest (the first in order on a tie); nil when all are done.
    private func earliestHead(_ streams: [[Int64]], _ next: [Int]) -> Int? {
        var best: Int?
        for stream in streams.indices where next[stream] < streams[stream].count {
            if let current = best, streams[current][next[current]] <= streams[stream][next[stream]] { continue }
            best = stream
        }
        return best
    }
}

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
        let streams = captureTimes.mapValues { $0.sorted() }
        var next = streams.mapValues { _ in 0 }
        var moments: [SyncedMoment] = []
        while let (anchorCamera, anchor) = earliestHead(streams, next) {
            next[anchorCamera]! += 1
            let anchorFollower = streams[anchorCamera]!.dropFirst(next[anchorCamera]!).first
            var frames = [anchorCamera: anchor]
            for (camera, times) in streams where camera != anchorCamera {
                guard let index = next[camera], index < times.count else { continue }
                let time = times[index]
                let fitsWindow = time - anchor <= 2 * toleranceMicroseconds
                let closerToAnchor = anchorFollower.map { time - anchor < $0 - time } ?? true
                if fitsWindow && closerToAnchor {
                    frames[camera] = time
                    next[camera] = index + 1
                }
            }
            let low = frames.values.min()!, high = frames.values.max()!
            let missing = Set(cameras).subtracting(frames.keys).sorted()
            moments.append(SyncedMoment(captureMicroseconds: low + (high - low) / 2, frames: frames, missingCameras: missing))
        }
        return moments
    }

    private func earliestHead(_ streams: [String: [Int64]], _ next: [String: Int]) -> (String, Int64)? {
        var best: (String, Int64)?
        for (camera, times) in streams {
            guard let index = next[camera], index < times.count else { continue }
            if best == nil || times[index] < best!.1 || (times[index] == best!.1 && camera < best!.0) {
                best = (camera, times[index])
            }
        }
        return best
    }
}

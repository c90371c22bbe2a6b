/// Watches the capture times of recently accepted frames and measures how well the cameras are
/// in sync: over the moments of the recent window, each camera's mean distance from the
/// moment's midpoint, and the mean and largest spread.
struct SyncMonitor {
    /// Frames kept per camera (a few seconds at broadcast rates).
    let window: Int
    private var recent: [String: [Int64]] = [:]

    init(window: Int = 256) { self.window = window }

    mutating func add(camera: String, captureMicroseconds: Int64) {
        var times = recent[camera] ?? []
        times.append(captureMicroseconds)
        if times.count > window { times.removeFirst(times.count - window) }
        recent[camera] = times
    }

    /// Sync over the window, with the default tolerance (half the median frame interval).
    func snapshot() -> SyncSnapshot? {
        guard recent.count > 1, let tolerance = Synchronizer.halfFrameInterval(recent) else { return nil }
        let complete = Synchronizer(cameras: Array(recent.keys), toleranceMicroseconds: tolerance).moments(recent).filter(\.isComplete)
        guard !complete.isEmpty else { return SyncSnapshot(completeMoments: 0, meanSpreadMicroseconds: 0, maxSpreadMicroseconds: 0, cameraOffsetMicroseconds: [:]) }
        let report = SyncReport(complete)
        var offsets: [String: Int64] = [:]
        for camera in recent.keys {
            let total = complete.reduce(Int64(0)) { $0 + abs(($1.frames[camera] ?? $1.captureMicroseconds) - $1.captureMicroseconds) }
            offsets[camera] = total / Int64(complete.count)
        }
        return SyncSnapshot(completeMoments: complete.count, meanSpreadMicroseconds: report.meanSpreadMicroseconds,
                        maxSpreadMicroseconds: report.maxSpreadMicroseconds, cameraOffsetMicroseconds: offsets)
    }
}

/// How well the recently recorded cameras are in sync.
public struct SyncSnapshot: Sendable, Hashable, Codable {
    /// Complete moments in the window.
    public var completeMoments: Int
    public var meanSpreadMicroseconds: Int64
    public var maxSpreadMicroseconds: Int64
    /// Each camera's mean distance from its moments' midpoints.
    public var cameraOffsetMicroseconds: [String: Int64]
}

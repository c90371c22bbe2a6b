import VantageTransport

/// What a store holds: per camera counts, time range and gaps; how its frames group into
/// moments; and the damage found when it was opened.
public struct ReplaySummary: Sendable {
    public var directory: String
    public var cameras: [CameraSummary]
    /// The sync tolerance the moments were grouped with.
    public var toleranceMicroseconds: Int64
    /// Moments of all stored frames (a moment is complete when every camera has a frame in it).
    public var sync: SyncReport
    public var damage: [SegmentDamage]

    /// Summarizes `store`; `toleranceMicroseconds` defaults to half the median frame interval
    /// (`Synchronizer.halfFrameInterval`), 0 when no camera has two frames.
    public init(_ store: ReplayStore, toleranceMicroseconds: Int64? = nil) {
        let indexes = store.state.withLock { $0.cameras }
        directory = store.directory.path
        cameras = indexes.keys.sorted().map { CameraSummary(camera: $0, index: indexes[$0]!) }
        let captureTimes = indexes.mapValues(\.captureTimes)
        let tolerance = toleranceMicroseconds ?? Synchronizer.halfFrameInterval(captureTimes) ?? 0
        self.toleranceMicroseconds = tolerance
        sync = SyncReport(Synchronizer(cameras: Array(indexes.keys), toleranceMicroseconds: tolerance).moments(captureTimes))
        damage = store.damage
    }

    /// Oldest and newest capture time of any camera (nil when the store holds no frames).
    public var captureRange: ClosedRange<Int64>? {
        guard let first = cameras.compactMap(\.firstCaptureMicroseconds).min(),
              let last = cameras.compactMap(\.lastCaptureMicroseconds).max() else { return nil }
        return first...last
    }
}

/// What a store holds of one camera.
public struct CameraSummary: Sendable, Hashable, Codable {
    public var camera: String
    public var frames: Int
    public var keyframes: Int
    public var segments: Int
    /// Size of the camera's segment files on disk (damaged bytes included).
    public var bytes: Int
    /// Oldest and newest capture time, microseconds (nil without frames).
    public var firstCaptureMicroseconds: Int64?
    public var lastCaptureMicroseconds: Int64?
    /// Median interval between consecutive capture times (nil with fewer than two distinct times).
    public var medianIntervalMicroseconds: Int64?
    /// Intervals longer than `gapFactor` × the median interval: how many, and the longest.
    public var gaps: Int
    public var largestGapMicroseconds: Int64?

    /// An interval counts as a gap above this multiple of the camera's median interval.
    public static let gapFactor = 1.5

    init(camera: String, index: CameraIndex) {
        self.camera = camera
        frames = index.entries.count
        keyframes = index.entries.count { $0.isKeyframe }
        segments = index.segments.count
        bytes = index.segments.reduce(0) { $0 + $1.bytes }
        let times = index.captureTimes
        firstCaptureMicroseconds = times.first
        lastCaptureMicroseconds = times.last
        let intervals = zip(times, times.dropFirst()).map { $1 - $0 }
        let positive = intervals.filter { $0 > 0 }.sorted()
        medianIntervalMicroseconds = positive.isEmpty ? nil : positive[positive.count / 2]
        let gapIntervals = medianIntervalMicroseconds.map { median in
            intervals.filter { Double($0) > Self.gapFactor * Double(median) }
        } ?? []
        gaps = gapIntervals.count
        largestGapMicroseconds = gapIntervals.max()
    }
}

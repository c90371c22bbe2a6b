/// What `vantage path show` reports about a path, measured on the sampled curve.
public struct PathSummary: Equatable, Sendable, Codable {
    /// Samples per second of path time used to measure speed (at least `minimumSamples` in all).
    public static let samplesPerSecond = 200.0
    public static let minimumSamples = 1000

    public var name: String
    public var durationSeconds: Double
    public var keyframes: Int
    public var lengthMetres: Double
    /// Largest speed between consecutive samples.
    public var maxSpeedMetresPerSecond: Double
    public var replayStartSeconds: Double
    public var replayEndSeconds: Double
    /// Smallest and largest replay time shown (they differ from start and end when the map turns back).
    public var replayMinSeconds: Double
    public var replayMaxSeconds: Double
    public var minFieldOfViewDegrees: Double
    public var maxFieldOfViewDegrees: Double
    public var orientation: PathInterpolation.Orientation
    public var constantSpeed: Bool

    public init(_ sampler: PathSampler) {
        let path = sampler.path
        let count = max(Self.minimumSamples, Int(sampler.duration * Self.samplesPerSecond))
        let step = sampler.duration / Double(count)
        let samples = (0...count).map { sampler.sample(atSeconds: Double($0) * step) }
        let speeds = zip(samples, samples.dropFirst()).map { ($1.position - $0.position).length / step }
        let replay = samples.map(\.replaySeconds)
        let fovs = samples.map(\.horizontalFieldOfViewDegrees)
        name = path.name
        durationSeconds = sampler.duration
        keyframes = path.keyframes.count
        lengthMetres = sampler.length
        maxSpeedMetresPerSecond = speeds.max() ?? 0
        replayStartSeconds = replay[0]
        replayEndSeconds = replay[replay.count - 1]
        replayMinSeconds = replay.min() ?? 0
        replayMaxSeconds = replay.max() ?? 0
        minFieldOfViewDegrees = fovs.min() ?? 0
        maxFieldOfViewDegrees = fovs.max() ?? 0
        orientation = path.interpolation.orientation
        constantSpeed = path.interpolation.constantSpeed
    }
}

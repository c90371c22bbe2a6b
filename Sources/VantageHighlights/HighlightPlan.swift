import VantageGeometry
import VantageMedia

/// Every frame of a clip: the path sampled at the clip's frame rate (frame n at n / fps),
/// deterministic, so any machine that plans the same path and options renders the same frames.
public struct HighlightPlan: Sendable {
    public let path: CameraPath
    public let options: HighlightOptions
    public let samples: [PathSample]

    /// `path` must be valid (`CameraPath.load`/`decode`/`validate` passed); `options` are checked
    /// here (`.invalidOption` naming the field) before any frame is planned.
    public init(path: CameraPath, options: HighlightOptions) throws(MediaError) {
        _ = try Self.frameCount(path: path, options: options)
        self.path = path
        self.options = options
        let size = options.frameSize(for: path)
        samples = PathSampler(path, size: size).frames(fps: Double(options.framesPerSecond), size: size)
    }

    public var frameCount: Int { samples.count }

    /// How many frames `path` makes under `options`, without planning them; checks `options`
    /// first (`.invalidOption` naming the field).
    public static func frameCount(path: CameraPath, options: HighlightOptions) throws(MediaError) -> Int {
        _ = try options.writerOptions(for: path, destination: "highlight of \"\(path.name)\"")
        return PathSampler.frameCount(duration: path.duration, fps: Double(options.framesPerSecond))
    }
}

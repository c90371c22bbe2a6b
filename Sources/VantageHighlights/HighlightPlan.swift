import VantageGeometry
import VantageMedia

/// Every frame of a clip: the path sampled at the clip's frame rate (frame n at n / fps),
/// deterministic, so any machine that plans the same path and options renders the same frames.
/// Frames are sampled when asked for, so a plan costs no memory however long its path.
public struct HighlightPlan: Sendable {
    public let path: CameraPath
    public let options: HighlightOptions
    public let frameCount: Int
    private let sampler: PathSampler

    /// `path` must be valid (`CameraPath.load`/`decode`/`validate` passed); `options` are checked
    /// here (`.invalidOption` naming the field) before any frame is planned.
    public init(path: CameraPath, options: HighlightOptions) throws(MediaError) {
        _ = try options.writerOptions(for: path, destination: "highlight of \"\(path.name)\"")
        frameCount = PathSampler.frameCount(duration: path.duration, fps: Double(options.framesPerSecond))
        self.path = path
        self.options = options
        sampler = PathSampler(path, size: options.frameSize(for: path))
    }

    /// Frame n (in `0..<frameCount`): the camera and replay time at n / fps.
    public var samples: LazyMapCollection<Range<Int>, PathSample> {
        let sampler = sampler, fps = Double(options.framesPerSecond)
        return (0..<frameCount).lazy.map { sampler.sample(atSeconds: Double($0) / fps) }
    }
}

import VantageGeometry

/// A point in the replay: seconds from the clip's start, or a frame number at the rig's frame rate.
public enum ReplayTime: Sendable, Equatable, CustomStringConvertible {
    case seconds(Double)
    case frame(Int)

    public var description: String {
        switch self {
        case let .seconds(seconds): "\(seconds) s"
        case let .frame(frame): "frame \(frame)"
        }
    }
}

/// Where the view model gets its moments: the rig's media files today, the replay store later.
public protocol FrameSource: AnyObject {
    /// Every calibrated camera of the rig, sized like its frames (a camera without frames can still
    /// be a render target).
    var cameras: [Camera] { get }
    /// Names of the cameras that deliver frames.
    var sourceNames: [String] { get }
    /// Length of the replay in seconds (one frame period, at 1 fps, for a set of still images).
    var durationSeconds: Double { get }
    /// Frames per second that `ReplayTime.frame` counts in.
    var framesPerSecond: Double { get }
    /// The frames of the named cameras (all sources when `nil`) at `time`. Cameras whose frame is
    /// missing or unreadable are listed in `Moment.missingCameras`; a time outside the replay throws.
    func moment(at time: ReplayTime, cameras names: Set<String>?) throws(SynthesisError) -> Moment
}

extension FrameSource {
    public func camera(named name: String) -> Camera? { cameras.first { $0.name == name } }

    /// Seconds from the clip's start for `time`, checked against the replay's length.
    public func seconds(of time: ReplayTime) throws(SynthesisError) -> Double {
        let seconds: Double
        switch time {
        case let .seconds(value): seconds = value
        case let .frame(frame):
            guard frame >= 0 else { throw SynthesisError(.outsideReplay, "frame \(frame) is negative") }
            seconds = Double(frame) / framesPerSecond
        }
        let lastFrameStart = max(0, durationSeconds - 1 / framesPerSecond)
        guard seconds.isFinite, seconds >= 0, seconds <= lastFrameStart + 1e-6 else {
            let frames = Int((durationSeconds * framesPerSecond).rounded())
            throw SynthesisError(.outsideReplay, "\(time) is outside the replay (0...\(lastFrameStart) s, \(frames) frame\(frames == 1 ? "" : "s"))")
        }
        return seconds
    }
}

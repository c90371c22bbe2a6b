import Foundation

/// The camera of a path at one instant.
public struct PathSample: Equatable, Sendable {
    /// Seconds of path time (the output clip's clock).
    public var time: Double
    /// Seconds from the start of the replay: which frames to show.
    public var replaySeconds: Double
    /// The camera centre in world coordinates (as interpolated; `camera.centerInWorld` to rounding).
    public var position: Vector3
    /// The virtual camera: pinhole intrinsics from the field of view and the output size
    /// (square pixels, principal point at the image centre), OpenCV axes, no distortion.
    public var camera: Camera
    public var horizontalFieldOfViewDegrees: Double
}

/// Evaluates a validated camera path at any path time, deterministically: positions on the
/// centripetal Catmull–Rom curve, orientations by SLERP or SQUAD, field of view by a monotone
/// cubic, replay time by the time map. With `interpolation.constantSpeed` the camera covers equal
/// lengths of the curve in equal times and passes keyframe k at `passTimes[k]`, not its `time`.
public struct PathSampler: Sendable {
    public let path: CameraPath
    /// The image size of sampled cameras.
    public let size: ImageSize
    private let times: [Double]
    private let positions: PositionSpline
    private let orientations: OrientationSpline
    private let fieldOfView: MonotoneSpline
    private let arcLength: ArcLengthTable?

    /// The output size when neither the caller nor the path gives one.
    public static let defaultSize = ImageSize(width: 1280, height: 720)

    /// Precondition: `path` is valid (`CameraPath.validate` or `load` passed). `size` defaults to
    /// the path's own size hint, then to `defaultSize`.
    public init(_ path: CameraPath, size: ImageSize? = nil) {
        precondition(path.keyframes.count >= 2, "sample a validated path")
        self.path = path
        self.size = size ?? path.size ?? Self.defaultSize
        let keyframes = path.keyframes
        times = keyframes.map(\.time)
        positions = PositionSpline(points: keyframes.map(\.position), times: times)
        orientations = OrientationSpline(keyframes.map(\.camFromWorldRotation), method: path.interpolation.orientation)
        fieldOfView = MonotoneSpline(values: keyframes.map(\.horizontalFieldOfViewDegrees), times: times)
        arcLength = path.interpolation.constantSpeed ? ArcLengthTable(positions) : nil
    }

    /// Seconds of path time.
    public var duration: Double { path.duration }

    /// When the camera is at each keyframe: the keyframes' times, or with constant speed the
    /// times at which it has covered the curve up to each keyframe.
    public var passTimes: [Double] {
        guard let arcLength, arcLength.totalLength > 0 else { return times }
        return times.indices.map { duration * arcLength.length(toKeyframe: $0) / arcLength.totalLength }
    }

    /// Length of the camera's curve in metres (chord sum at `ArcLengthTable.stepsPerSegment` steps per segment).
    public var length: Double {
        (arcLength ?? ArcLengthTable(positions)).totalLength
    }

    /// The camera at path time `seconds`, clamped to [0, duration].
    public func sample(atSeconds seconds: Double) -> PathSample { sample(atSeconds: seconds, size: size) }

    /// Frame n at n/fps seconds for n = 0 … ⌊duration·fps⌋ (`frameCount`), with cameras of `size`.
    public func frames(fps: Double, size: ImageSize? = nil) -> [PathSample] {
        (0..<Self.frameCount(duration: duration, fps: fps)).map { sample(atSeconds: Double($0) / fps, size: size ?? self.size) }
    }

    /// ⌊duration·fps⌋ + 1, with 1e-9 of slack so that 4 s at 30 fps is 121 frames despite rounding.
    public static func frameCount(duration: Double, fps: Double) -> Int {
        precondition(fps > 0 && duration >= 0, "a positive frame rate")
        return Int((duration * fps + 1e-9).rounded(.down)) + 1
    }

    /// The position at local parameter `u` of segment `segment` (keyframe `segment` to `segment + 1`).
    func position(segment: Int, u: Double) -> Vector3 { positions.position(segment: segment, u: u) }

    private func sample(atSeconds seconds: Double, size: ImageSize) -> PathSample {
        let time = min(max(seconds, 0), duration)
        let (segment, u) = location(at: time)
        let rotation = orientations.orientation(segment: segment, u: u).matrix
        let fov = fieldOfView.value(segment: segment, u: u)
        let position = positions.position(segment: segment, u: u)
        let camera = Camera(name: path.name, size: size, intrinsics: Intrinsics(horizontalFieldOfView: fov * .pi / 180, size: size),
                            camFromWorld: RigidTransform(rotation: rotation, mapping: position))
        return PathSample(time: time, replaySeconds: path.replayTime(atPathTime: time), position: position, camera: camera,
                          horizontalFieldOfViewDegrees: fov)
    }

    /// The segment and local parameter at path time `time` ∈ [0, duration]; a time exactly at an
    /// interior keyframe starts that keyframe's segment (u = 0).
    private func location(at time: Double) -> (segment: Int, u: Double) {
        if let arcLength {
            return arcLength.location(atLength: duration > 0 ? arcLength.totalLength * time / duration : 0)
        }
        let segment = max(0, min((times.lastIndex { $0 <= time } ?? 0), times.count - 2))
        return (segment, (time - times[segment]) / (times[segment + 1] - times[segment]))
    }
}

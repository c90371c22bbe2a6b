/// A virtual camera's move for a highlight clip: keyframes of position, orientation and field
/// of view on the clip's clock, how to interpolate between them, and a time map from the clip's
/// clock to replay time. The file format is `Calibration/camera-path.schema.json`, documented in
/// `docs/camera-paths.md`; `load(from:)` reads and validates one, `PathSampler` evaluates one.
///
/// Two clocks: **path time** (`time`, seconds from the start of the clip being rendered; the
/// camera moves along it) and **replay time** (seconds from the start of the replay, which
/// frames are shown). The time map relates them, so replay time can run at any speed, or stop
/// (bullet time) while the camera moves.
public struct CameraPath: Equatable, Sendable {
    public static let formatName = "vantage-camera-path"
    public static let version = 1

    public var name: String
    /// The output size the path was made for (a hint; renderers may override it).
    public var size: ImageSize?
    public var interpolation: PathInterpolation
    /// Replay time as a function of path time; `nil` means replay time = path time.
    public var timeMap: [TimeMapPoint]?
    /// At least two, the first at time 0, times strictly increasing.
    public var keyframes: [PathKeyframe]

    public init(name: String, size: ImageSize? = nil, interpolation: PathInterpolation = PathInterpolation(),
                timeMap: [TimeMapPoint]? = nil, keyframes: [PathKeyframe]) {
        self.name = name
        self.size = size
        self.interpolation = interpolation
        self.timeMap = timeMap
        self.keyframes = keyframes
    }

    /// Seconds of path time: the last keyframe's time.
    public var duration: Double { keyframes.last?.time ?? 0 }
}

/// One keyframe: where the camera is, where it looks and how wide, at a path time. The
/// orientation is given either as a point to look at (with an `up` direction, +z by default) or
/// as a `camFromWorld` rotation quaternion [w, x, y, z] (OpenCV camera axes) — exactly one.
public struct PathKeyframe: Equatable, Sendable {
    /// Seconds of path time.
    public var time: Double
    /// Camera centre in world coordinates (metres, z up).
    public var position: Vector3
    /// The world point at the image centre.
    public var lookAt: Vector3?
    /// Image "up" for `lookAt`; +z when absent.
    public var up: Vector3?
    /// The rotation of `camFromWorld` as a unit quaternion.
    public var camFromWorldQuaternion: Quaternion?
    /// Horizontal field of view, strictly between 0° and 180°.
    public var horizontalFieldOfViewDegrees: Double

    public init(time: Double, position: Vector3, lookAt: Vector3, up: Vector3? = nil, horizontalFieldOfViewDegrees: Double) {
        self.time = time
        self.position = position
        self.lookAt = lookAt
        self.up = up
        self.horizontalFieldOfViewDegrees = horizontalFieldOfViewDegrees
    }

    public init(time: Double, position: Vector3, camFromWorldQuaternion: Quaternion, horizontalFieldOfViewDegrees: Double) {
        self.time = time
        self.position = position
        self.camFromWorldQuaternion = camFromWorldQuaternion
        self.horizontalFieldOfViewDegrees = horizontalFieldOfViewDegrees
    }

    /// The keyframe's `camFromWorld` rotation. Precondition: the keyframe is valid.
    public var camFromWorldRotation: Quaternion {
        if let camFromWorldQuaternion { return camFromWorldQuaternion.normalized }
        guard let lookAt else { preconditionFailure("a validated keyframe has lookAt or camFromWorldQuaternion") }
        let camera = Camera.lookingAt(lookAt, from: position, up: up ?? [0, 0, 1], name: "", size: ImageSize(width: 1, height: 1),
                                      intrinsics: Intrinsics(fx: 1, fy: 1, cx: 0, cy: 0))
        return Quaternion(camera.camFromWorld.rotation)
    }
}

/// How a path moves between keyframes. Positions always follow a centripetal Catmull–Rom curve
/// (`PositionSpline`) and the field of view a monotone cubic (`MonotoneSpline`).
public struct PathInterpolation: Equatable, Sendable {
    public enum Orientation: String, Codable, Sendable, CaseIterable {
        /// Great-arc interpolation per segment: constant turning speed, which jumps at keyframes.
        case slerp
        /// Shoemake's spherical cubic: turning speed continuous across evenly spaced keyframes.
        case squad
    }

    public var orientation: Orientation
    /// Move at constant speed along the whole curve, ignoring keyframe times for where the camera
    /// is when (it still passes every keyframe, with that keyframe's orientation and field of view).
    public var constantSpeed: Bool

    public init(orientation: Orientation = .squad, constantSpeed: Bool = false) {
        self.orientation = orientation
        self.constantSpeed = constantSpeed
    }
}

/// A point of the time map: at path time `time`, the frames shown are those at `replayTime`.
/// Between points replay time is linear in path time; before the first and after the last it
/// holds that point's replay time.
public struct TimeMapPoint: Equatable, Sendable, Codable {
    /// Seconds of path time.
    public var time: Double
    /// Seconds from the start of the replay.
    public var replayTime: Double

    public init(time: Double, replayTime: Double) {
        self.time = time
        self.replayTime = replayTime
    }
}

/// A calibrated multi-camera rig: the cameras, the world frame they share, the part of the scene
/// worth reconstructing, and optionally the media each camera recorded.
public struct Rig: Equatable, Sendable {
    public var name: String
    public var world: WorldFrame
    /// Where scene content lies; `nil` when the source gave none (derive it with `RigAnalysis`).
    public var bounds: SceneBounds?
    public var cameras: [RigCamera]

    public init(name: String, world: WorldFrame = WorldFrame(), bounds: SceneBounds? = nil, cameras: [RigCamera]) {
        self.name = name
        self.world = world
        self.bounds = bounds
        self.cameras = cameras
    }

    public func camera(named name: String) -> RigCamera? { cameras.first { $0.camera.name == name } }
}

/// One camera of a rig and, when known, what it recorded.
public struct RigCamera: Equatable, Sendable {
    public var camera: Camera
    public var media: MediaReference?

    public init(_ camera: Camera, media: MediaReference? = nil) {
        self.camera = camera
        self.media = media
    }
}

/// Units and orientation of a rig's world frame. Vantage's own convention is metres with +z up;
/// imported rigs whose source has neither (NeRF scenes, COLMAP models) say so here.
public struct WorldFrame: Equatable, Sendable {
    public enum Units: String, Sendable, CaseIterable { case metres, unknown }

    public var units: Units
    /// The world axis that points up: `+z` for Vantage rigs; one of ±x, ±y, ±z, or `nil` if unknown.
    public var up: String?
    /// Free text: where the origin is, what the axes follow (e.g. "pitch centre, x along the touchline").
    public var note: String?

    public init(units: Units = .metres, up: String? = "+z", note: String? = nil) {
        self.units = units
        self.up = up
        self.note = note
    }

    public static let validUpAxes = ["+x", "-x", "+y", "-y", "+z", "-z"]
}

/// The part of the scene that holds content, used to bound depth search.
public enum SceneBounds: Equatable, Sendable {
    /// Depth along each camera's optical axis, in world units.
    case depthRange(near: Double, far: Double)
    /// An axis-aligned box in world coordinates.
    case box(min: Vector3, max: Vector3)
}

/// The recording of one camera: a file path (relative to the rig file's folder) or a URL, and
/// how its frames map to capture time on the rig's common clock.
public struct MediaReference: Equatable, Sendable {
    public var location: String
    /// Added to the stream's presentation time to give capture time, in microseconds.
    public var offsetMicroseconds: Int64
    /// A per-frame capture-time file that overrides stream time when present.
    public var timestamps: TimestampFile?

    public init(location: String, offsetMicroseconds: Int64 = 0, timestamps: TimestampFile? = nil) {
        self.location = location
        self.offsetMicroseconds = offsetMicroseconds
        self.timestamps = timestamps
    }

    /// Whether `location` is a URL (has a scheme) rather than a file path.
    public var isURL: Bool {
        guard let colon = location.firstIndex(of: ":"), colon != location.startIndex else { return false }
        let scheme = location[..<colon]
        return scheme.count > 1 && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}

/// A file of per-frame capture times for one camera.
public struct TimestampFile: Equatable, Sendable {
    public enum Format: String, Sendable, CaseIterable {
        /// caliscope `timestamps.csv`: `sync_index,cam_id,frame_index,frame_time` (seconds).
        case caliscope
    }

    /// Path relative to the rig file's folder, or absolute.
    public var path: String
    public var format: Format
    /// The camera's identifier inside the file (caliscope's `cam_id`).
    public var cameraID: String

    public init(path: String, format: Format, cameraID: String) {
        self.path = path
        self.format = format
        self.cameraID = cameraID
    }
}

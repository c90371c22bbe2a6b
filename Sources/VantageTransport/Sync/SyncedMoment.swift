/// The frames of all cameras that belong to one instant.
public struct SyncedMoment: Sendable, Hashable, Codable {
    /// Midway between the earliest and latest member, in microseconds on the rig clock; it
    /// identifies the moment.
    public var captureMicroseconds: Int64
    /// Capture time of each member camera's frame.
    public var frames: [String: Int64]
    /// Cameras of the rig with no frame within tolerance of this moment, sorted.
    public var missingCameras: [String]

    public var isComplete: Bool { missingCameras.isEmpty }
    /// Latest minus earliest member capture time.
    public var spreadMicroseconds: Int64 {
        guard let low = frames.values.min(), let high = frames.values.max() else { return 0 }
        return high - low
    }
}

/// Sync quality of a run of moments.
public struct SyncReport: Sendable, Hashable, Codable {
    public var moments: Int
    public var completeMoments: Int
    /// Spread of complete moments, in microseconds (0 when there are none).
    public var meanSpreadMicroseconds: Int64
    public var maxSpreadMicroseconds: Int64
    /// Cameras and how many moments each is missing from.
    public var missingByCamera: [String: Int]

    public init(_ moments: [SyncedMoment]) {
        self.moments = moments.count
        let complete = moments.filter(\.isComplete)
        completeMoments = complete.count
        let spreads = complete.map(\.spreadMicroseconds)
        meanSpreadMicroseconds = spreads.isEmpty ? 0 : spreads.reduce(0, +) / Int64(spreads.count)
        maxSpreadMicroseconds = spreads.max() ?? 0
        var missing: [String: Int] = [:]
        for moment in moments { for camera in moment.missingCameras { missing[camera, default: 0] += 1 } }
        missingByCamera = missing
    }
}

/// Everything a store changes while it runs; guarded by the store's lock.
struct StoreState {
    var cameras: [String: CameraIndex] = [:]
    /// The segment each camera is appending to, if any. A store never appends to a segment it
    /// did not start in this run.
    var openSegments: [String: OpenSegment] = [:]
    /// Counter of the next segment of each camera; never reused, even after retention.
    var nextSegmentCounter: [String: Int] = [:]
    var isClosed = false

    /// Newest capture time stored for any camera.
    var newestCaptureMicroseconds: Int64? {
        cameras.values.flatMap(\.segments).filter { $0.frames > 0 }.map(\.newestCaptureMicroseconds).max()
    }
}

/// A segment this run is appending to.
struct OpenSegment {
    var fileName: String
    var file: SegmentFile
}

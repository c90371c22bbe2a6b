import Foundation

extension ReplayStore {
    /// Deletes every whole segment whose newest frame is older than the newest frame of any
    /// camera minus `retentionSeconds` (an open one is closed first). Runs on open and whenever a
    /// segment is closed. A segment that cannot be removed stays indexed and is logged.
    func applyRetention(_ state: inout StoreState) {
        guard let newest = state.newestCaptureMicroseconds else { return }
        let cutoff = newest - options.retentionMicroseconds
        for camera in state.cameras.keys.sorted() {
            let expired = state.cameras[camera]!.segments.filter { $0.newestCaptureMicroseconds < cutoff }
            guard !expired.isEmpty else { continue }
            var removed: Set<String> = []
            for segment in expired {
                if state.openSegments[camera]?.fileName == segment.fileName { state.openSegments[camera] = nil }
                let url = segmentURL(camera: camera, fileName: segment.fileName)
                do {
                    try FileManager.default.removeItem(at: url)
                    removed.insert(segment.fileName)
                } catch {
                    logger.error("replay store retention: cannot remove \(url.path): \(error.localizedDescription)")
                }
            }
            state.cameras[camera]!.removeSegments(removed)
            logger.debug("replay store retention: \(camera): removed \(removed.count) segments older than \(cutoff) µs")
        }
    }
}

/// The stored frames a decoder must be sent, in decode order, to get one frame's picture.
struct DecodingRun {
    /// The frame whose picture is wanted.
    var target: ReplayIndexEntry
    /// From a keyframe through the end of the target's group of pictures; empty when no
    /// keyframe precedes the target.
    var entries: [ReplayIndexEntry]
}

extension ReplayStore {
    /// The run that decodes `camera`'s frame nearest to `microseconds`; nil when the camera has no frames.
    func decodingRun(camera: String, nearest microseconds: Int64) -> DecodingRun? {
        state.withLock { state in
            guard let index = state.cameras[camera], let position = index.nearest(microseconds) else { return nil }
            let run = index.decodingRun(to: position).map { Array(index.entries[$0]) } ?? []
            return DecodingRun(target: index.entries[position], entries: run)
        }
    }
}

import VantageMedia

/// The static background of one camera: the per-pixel temporal median of frames sampled across
/// the replay, so that players who move are voted out and the pitch, stands and floor remain.
enum BackgroundPlate {
    /// Frames sampled evenly across the replay for the median.
    static let sampleCount = 9

    /// The median plate of `frames` (same camera, same size); `frames` must not be empty.
    static func median(of frames: [SourceView]) -> SourceView {
        precondition(!frames.isEmpty, "a background plate needs frames")
        let first = frames[0]
        guard frames.count > 1 else { return first }
        var plate = PlanarFloatImage(width: first.image.width, height: first.image.height)
        let count = plate.samples.count
        let planes = frames.map(\.image.samples)
        plate.samples.withUnsafeMutableBufferPointer { output in
            let shared = BandSharedBuffer(output)
            forEachChunk(of: count / 1024 + 1) { chunks in
                var values = [Float](repeating: 0, count: planes.count)
                for index in (chunks.lowerBound * 1024)..<min(chunks.upperBound * 1024, count) {
                    for frame in planes.indices { values[frame] = planes[frame][index] }
                    values.sort()
                    shared.base[index] = values[values.count / 2]
                }
            }
        }
        return SourceView(camera: first.camera, image: plate, coverage: first.coverage)
    }
}

/// Gives every content pixel of a source a depth: pixels whose estimate is less trusted than
/// `minimumConfidence` take a smooth interpolation (push-pull in inverse depth) of the trusted
/// ones around them, and keep a low confidence. Warping then moves whole surfaces instead of
/// leaving holes or scattering guesses, so wide-baseline rigs with little trusted depth degrade
/// towards a smooth proxy rather than noise.
enum DepthCompletion {
    /// Confidence given to completed pixels.
    static let completedConfidence: Float = 0.02

    static func complete(_ estimate: DepthEstimate, coverage: [Float]?, minimumConfidence: Float) -> DepthEstimate {
        let depth = estimate.depth
        let trusted = estimate.confidence.indices.map { pixel -> Float in
            let isContent = coverage.map { $0[pixel] >= 0.5 } ?? true
            let z = depth.values[pixel]
            return isContent && z.isFinite && z > 0 && estimate.confidence[pixel] >= minimumConfidence ? estimate.confidence[pixel] : 0
        }
        guard trusted.contains(where: { $0 == 0 }) else { return estimate }
        var inverse = depth.values.map { $0.isFinite && $0 > 0 ? 1 / $0 : 0 }
        PushPull.fill(&inverse, channels: 1, weights: trusted, width: depth.width, height: depth.height)
        var completed = estimate
        for pixel in trusted.indices where trusted[pixel] == 0 {
            let isContent = coverage.map { $0[pixel] >= 0.5 } ?? true
            completed.depth.values[pixel] = isContent && inverse[pixel] > 0 ? 1 / inverse[pixel] : .infinity
            completed.confidence[pixel] = isContent && inverse[pixel] > 0 ? min(estimate.confidence[pixel], completedConfidence) : 0
        }
        return completed
    }

    /// The estimate without the depth of pixels less trusted than `minimumConfidence`.
    static func dropped(_ estimate: DepthEstimate, minimumConfidence: Float) -> DepthEstimate {
        var kept = estimate
        for pixel in kept.confidence.indices where kept.confidence[pixel] < minimumConfidence { kept.depth.values[pixel] = .infinity }
        return kept
    }
}

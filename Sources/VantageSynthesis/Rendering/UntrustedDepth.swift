/// Leaves untrusted depth out of warping. (Completing it instead, by push-pull from the trusted
/// pixels around, was measured worse on every dataset: the trusted pixels of a wide-baseline rig
/// are themselves often wrong, and interpolating them spreads the mistake.)
enum UntrustedDepth {
    /// The estimate without the depth of pixels less trusted than `minimumConfidence`; foreground
    /// (billboards placed on the ground, not matched) is always kept.
    static func dropped(_ estimate: DepthEstimate, minimumConfidence: Float) -> DepthEstimate {
        var kept = estimate
        for pixel in kept.confidence.indices where kept.confidence[pixel] < minimumConfidence && !(estimate.foreground?[pixel] ?? false) {
            kept.depth.values[pixel] = .infinity
        }
        return kept
    }
}

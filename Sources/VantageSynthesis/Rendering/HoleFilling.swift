import VantageMedia

/// Depth-aware inpainting: holes (target pixels no source saw) are filled by push-pull from the
/// pixels around them, where far pixels weigh more than near ones, so that a disocclusion behind
/// a player is filled with the pitch behind it rather than with the player.
enum HoleFilling {
    /// Fills every pixel whose `depth` is `+inf`; other pixels are left untouched.
    static func fill(_ image: inout PlanarFloatImage, depth: [Float]) {
        let finiteDepths = depth.lazy.filter { $0.isFinite && $0 < DepthSplatting.backdrop }
        let farthest = finiteDepths.max() ?? 1
        let nearest = finiteDepths.min() ?? 1
        let span = max(farthest - nearest, farthest * 1e-3)
        let weights = depth.map { z -> Float in
            guard z.isFinite else { return 0 }
            let farness = z >= DepthSplatting.backdrop ? 1 : (z - nearest) / span
            return 0.05 + farness * farness
        }
        PushPull.fill(&image.samples, channels: 3, weights: weights, width: image.width, height: image.height)
    }
}

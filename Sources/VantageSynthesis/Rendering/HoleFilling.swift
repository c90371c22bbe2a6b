import VantageMedia

/// Depth-aware push-pull inpainting: holes (target pixels no source saw) take colour from a
/// pyramid of the pixels around them, where far pixels weigh more than near ones, so that a
/// disocclusion behind a player is filled with the pitch behind it rather than with the player.
enum HoleFilling {
    /// Fills every pixel whose `depth` is `+inf`; other pixels are left untouched.
    static func fill(_ image: inout PlanarFloatImage, depth: [Float]) {
        let width = image.width, height = image.height
        let finiteDepths = depth.lazy.filter { $0.isFinite && $0 < DepthSplatting.backdrop }
        let farthest = finiteDepths.max() ?? 1
        let nearest = finiteDepths.min() ?? 1
        let span = max(farthest - nearest, farthest * 1e-3)
        // Level 0: premultiplied colour and weight per pixel.
        var level = Level(width: width, height: height)
        var holeCount = 0
        for pixel in 0..<(width * height) {
            let z = depth[pixel]
            guard z.isFinite else { holeCount += 1; continue }
            let farness = z >= DepthSplatting.backdrop ? 1 : (z - nearest) / span
            let weight = 0.05 + farness * farness
            level.weight[pixel] = weight
            for channel in 0..<3 {
                level.colour[channel * width * height + pixel] = weight * image.samples[channel * width * height + pixel]
            }
        }
        guard holeCount > 0, holeCount < width * height else { return }
        var pyramid = [level]
        while pyramid.last!.width > 1 || pyramid.last!.height > 1 { pyramid.append(pyramid.last!.halved()) }
        // Pull: each level's empty pixels take the normalized colour of the coarser level above.
        for index in stride(from: pyramid.count - 2, through: 0, by: -1) {
            pyramid[index].fillEmpty(from: pyramid[index + 1])
        }
        let filled = pyramid[0]
        let planeSize = width * height
        for pixel in 0..<planeSize where !depth[pixel].isFinite {
            let weight = filled.weight[pixel]
            guard weight > 0 else { continue }
            for channel in 0..<3 {
                image.samples[channel * planeSize + pixel] = filled.colour[channel * planeSize + pixel] / weight
            }
        }
    }

    /// Premultiplied colour planes and weights at one pyramid level.
    private struct Level {
        let width: Int, height: Int
        var colour: [Float]
        var weight: [Float]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            colour = [Float](repeating: 0, count: width * height * 3)
            weight = [Float](repeating: 0, count: width * height)
        }

        /// 2×2 box sums (the odd last row or column folds into its neighbour).
        func halved() -> Level {
            var coarse = Level(width: (width + 1) / 2, height: (height + 1) / 2)
            let fineSize = width * height, coarseSize = coarse.width * coarse.height
            for y in 0..<height {
                for x in 0..<width {
                    let fine = y * width + x, target = (y / 2) * coarse.width + x / 2
                    coarse.weight[target] += weight[fine]
                    for channel in 0..<3 { coarse.colour[channel * coarseSize + target] += colour[channel * fineSize + fine] }
                }
            }
            return coarse
        }

        /// Gives pixels without weight the coarser level's colour, interpolated bilinearly between
        /// the coarse pixels that have weight, at unit weight.
        mutating func fillEmpty(from coarse: Level) {
            let fineSize = width * height, coarseSize = coarse.width * coarse.height
            for y in 0..<height {
                let cy = max(0, min(Float(coarse.height - 1), (Float(y) + 0.5) / 2 - 0.5))
                let y0 = Int(cy), y1 = min(y0 + 1, coarse.height - 1), fy = cy - Float(y0)
                for x in 0..<width where weight[y * width + x] == 0 {
                    let cx = max(0, min(Float(coarse.width - 1), (Float(x) + 0.5) / 2 - 0.5))
                    let x0 = Int(cx), x1 = min(x0 + 1, coarse.width - 1), fx = cx - Float(x0)
                    var sum = SIMD3<Float>(repeating: 0), total: Float = 0
                    for (index, share) in [(y0 * coarse.width + x0, (1 - fx) * (1 - fy)), (y0 * coarse.width + x1, fx * (1 - fy)),
                                           (y1 * coarse.width + x0, (1 - fx) * fy), (y1 * coarse.width + x1, fx * fy)] {
                        let coarseWeight = coarse.weight[index]
                        guard coarseWeight > 0, share > 0 else { continue }
                        sum += share * SIMD3(coarse.colour[index], coarse.colour[coarseSize + index], coarse.colour[2 * coarseSize + index]) / coarseWeight
                        total += share
                    }
                    guard total > 0 else { continue }
                    let fine = y * width + x
                    weight[fine] = 1
                    for channel in 0..<3 { colour[channel * fineSize + fine] = sum[channel] / total }
                }
            }
        }
    }
}

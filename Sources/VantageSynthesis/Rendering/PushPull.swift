/// Push-pull interpolation (Gortler et al., "The Lumigraph", 1996): pixels without weight take
/// the weighted mean of a pyramid of their surroundings, coarser the farther the nearest known
/// pixel is. Pixels with weight are never changed.
enum PushPull {
    /// Fills the pixels of `planes` (`channels` planes of `width`×`height`, back to back) whose
    /// weight is 0 (or not finite) from the pixels with positive weight.
    static func fill(_ planes: inout [Float], channels: Int, weights: [Float], width: Int, height: Int) {
        precondition(planes.count == channels * width * height && weights.count == width * height, "PushPull size mismatch")
        var level = Level(width: width, height: height, channels: channels)
        var emptyCount = 0
        for pixel in 0..<(width * height) {
            let weight = weights[pixel]
            guard weight > 0, weight.isFinite else { emptyCount += 1; continue }
            level.weight[pixel] = weight
            for channel in 0..<channels { level.sum[channel * width * height + pixel] = weight * planes[channel * width * height + pixel] }
        }
        guard emptyCount > 0, emptyCount < width * height else { return }
        var pyramid = [level]
        while pyramid.last!.width > 1 || pyramid.last!.height > 1 { pyramid.append(pyramid.last!.halved()) }
        for index in stride(from: pyramid.count - 2, through: 0, by: -1) { pyramid[index].fillEmpty(from: pyramid[index + 1]) }
        let filled = pyramid[0], planeSize = width * height
        for pixel in 0..<planeSize where !(weights[pixel] > 0 && weights[pixel].isFinite) && filled.weight[pixel] > 0 {
            for channel in 0..<channels { planes[channel * planeSize + pixel] = filled.sum[channel * planeSize + pixel] / filled.weight[pixel] }
        }
    }

    /// Weighted sums per channel and total weights at one pyramid level.
    private struct Level {
        let width: Int, height: Int, channels: Int
        var sum: [Float]
        var weight: [Float]

        init(width: Int, height: Int, channels: Int) {
            self.width = width
            self.height = height
            self.channels = channels
            sum = [Float](repeating: 0, count: width * height * channels)
            weight = [Float](repeating: 0, count: width * height)
        }

        /// 2×2 box sums (the odd last row or column folds into its neighbour).
        func halved() -> Level {
            var coarse = Level(width: (width + 1) / 2, height: (height + 1) / 2, channels: channels)
            let fineSize = width * height, coarseSize = coarse.width * coarse.height
            for y in 0..<height {
                for x in 0..<width {
                    let fine = y * width + x, target = (y / 2) * coarse.width + x / 2
                    coarse.weight[target] += weight[fine]
                    for channel in 0..<channels { coarse.sum[channel * coarseSize + target] += sum[channel * fineSize + fine] }
                }
            }
            return coarse
        }

        /// Gives pixels without weight the coarser level's mean, interpolated bilinearly between
        /// the coarse pixels that have weight, at unit weight.
        mutating func fillEmpty(from coarse: Level) {
            let fineSize = width * height, coarseSize = coarse.width * coarse.height
            for y in 0..<height {
                let cy = max(0, min(Float(coarse.height - 1), (Float(y) + 0.5) / 2 - 0.5))
                let y0 = Int(cy), y1 = min(y0 + 1, coarse.height - 1), fy = cy - Float(y0)
                for x in 0..<width where weight[y * width + x] == 0 {
                    let cx = max(0, min(Float(coarse.width - 1), (Float(x) + 0.5) / 2 - 0.5))
                    let x0 = Int(cx), x1 = min(x0 + 1, coarse.width - 1), fx = cx - Float(x0)
                    let corners = [(y0 * coarse.width + x0, (1 - fx) * (1 - fy)), (y0 * coarse.width + x1, fx * (1 - fy)),
                                   (y1 * coarse.width + x0, (1 - fx) * fy), (y1 * coarse.width + x1, fx * fy)]
                    var total: Float = 0
                    let fine = y * width + x
                    for (index, share) in corners where coarse.weight[index] > 0 && share > 0 {
                        total += share
                        for channel in 0..<channels {
                            sum[channel * fineSize + fine] += share * coarse.sum[channel * coarseSize + index] / coarse.weight[index]
                        }
                    }
                    guard total > 0 else { continue }
                    for channel in 0..<channels { sum[channel * fineSize + fine] /= total }
                    weight[fine] = 1
                }
            }
        }
    }
}

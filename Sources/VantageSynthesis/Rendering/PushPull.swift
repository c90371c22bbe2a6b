import VantageMedia

/// Push-pull interpolation (Gortler et al., "The Lumigraph", 1996): pixels without weight take
/// the weighted mean of a pyramid of their surroundings, coarser the farther the nearest known
/// pixel is. Pixels with weight are never changed.
///
/// Every pass runs over row bands in parallel; each pixel's sums are added in the same order as
/// a serial pass would, so the result does not depend on the number of cores.
enum PushPull {
    /// Fills the pixels of `planes` (`channels` planes of `width`×`height`, back to back) whose
    /// weight is 0 (or not finite) from the pixels with positive weight.
    static func fill(_ planes: inout [Float], channels: Int, weights: [Float], width: Int, height: Int) {
        precondition(planes.count == channels * width * height && weights.count == width * height, "PushPull size mismatch")
        guard weights.contains(where: { !isKnown($0) }), weights.contains(where: isKnown) else { return }
        var pyramid = [Level(planes, channels: channels, weights: weights, width: width, height: height)]
        while pyramid.last!.width > 1 || pyramid.last!.height > 1 { pyramid.append(pyramid.last!.halved()) }
        for index in stride(from: pyramid.count - 2, through: 0, by: -1) { pyramid[index].fillEmpty(from: pyramid[index + 1]) }
        let filled = pyramid[0], planeSize = width * height
        planes.withUnsafeMutableBufferPointer { buffer in
            let output = BandSharedBuffer(buffer)
            forEachChunk(of: height) { rows in
                for pixel in (rows.lowerBound * width)..<(rows.upperBound * width) where !isKnown(weights[pixel]) && filled.weight[pixel] > 0 {
                    for channel in 0..<channels { output.base[channel * planeSize + pixel] = filled.sum[channel * planeSize + pixel] / filled.weight[pixel] }
                }
            }
        }
    }

    @inline(__always)
    private static func isKnown(_ weight: Float) -> Bool { weight > 0 && weight.isFinite }

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

        /// The finest level: the known pixels' weights and weighted values.
        init(_ planes: [Float], channels: Int, weights: [Float], width: Int, height: Int) {
            self.init(width: width, height: height, channels: channels)
            let planeSize = width * height
            sum.withUnsafeMutableBufferPointer { sumBuffer in
                weight.withUnsafeMutableBufferPointer { weightBuffer in
                    let sum = BandSharedBuffer(sumBuffer), weight = BandSharedBuffer(weightBuffer)
                    forEachChunk(of: height) { rows in
                        for pixel in (rows.lowerBound * width)..<(rows.upperBound * width) where isKnown(weights[pixel]) {
                            weight.base[pixel] = weights[pixel]
                            for channel in 0..<channels { sum.base[channel * planeSize + pixel] = weights[pixel] * planes[channel * planeSize + pixel] }
                        }
                    }
                }
            }
        }

        /// 2×2 box sums (the odd last row or column folds into its neighbour). Each band of
        /// coarse rows adds its fine rows in order.
        func halved() -> Level {
            var coarse = Level(width: (width + 1) / 2, height: (height + 1) / 2, channels: channels)
            let fineSize = width * height, coarseWidth = coarse.width, coarseSize = coarse.width * coarse.height
            coarse.sum.withUnsafeMutableBufferPointer { sumBuffer in
                coarse.weight.withUnsafeMutableBufferPointer { weightBuffer in
                    let coarseSum = BandSharedBuffer(sumBuffer), coarseWeight = BandSharedBuffer(weightBuffer)
                    forEachChunk(of: coarse.height) { coarseRows in
                        for y in (2 * coarseRows.lowerBound)..<min(2 * coarseRows.upperBound, height) {
                            for x in 0..<width {
                                let fine = y * width + x, target = (y / 2) * coarseWidth + x / 2
                                coarseWeight.base[target] += weight[fine]
                                for channel in 0..<channels { coarseSum.base[channel * coarseSize + target] += sum[channel * fineSize + fine] }
                            }
                        }
                    }
                }
            }
            return coarse
        }

        /// Gives pixels without weight the coarser level's mean, interpolated bilinearly between
        /// the coarse pixels that have weight, at unit weight.
        mutating func fillEmpty(from coarse: Level) {
            let width = width, height = height, channels = channels
            let fineSize = width * height, coarseSize = coarse.width * coarse.height
            sum.withUnsafeMutableBufferPointer { sumBuffer in
                weight.withUnsafeMutableBufferPointer { weightBuffer in
                    let sum = BandSharedBuffer(sumBuffer), weight = BandSharedBuffer(weightBuffer)
                    forEachChunk(of: height) { rows in
                        for y in rows {
                            let cy = max(0, min(Float(coarse.height - 1), (Float(y) + 0.5) / 2 - 0.5))
                            let y0 = Int(cy), y1 = min(y0 + 1, coarse.height - 1), fy = cy - Float(y0)
                            for x in 0..<width where weight.base[y * width + x] == 0 {
                                let cx = max(0, min(Float(coarse.width - 1), (Float(x) + 0.5) / 2 - 0.5))
                                let x0 = Int(cx), x1 = min(x0 + 1, coarse.width - 1), fx = cx - Float(x0)
                                var total: Float = 0
                                let fine = y * width + x
                                // Adds the mean of one coarse corner, when it has weight (corners in a fixed order: the same sums).
                                @inline(__always) func add(_ index: Int, share: Float) {
                                    guard coarse.weight[index] > 0 && share > 0 else { return }
                                    total += share
                                    for channel in 0..<channels {
                                        sum.base[channel * fineSize + fine] += share * coarse.sum[channel * coarseSize + index] / coarse.weight[index]
                                    }
                                }
                                add(y0 * coarse.width + x0, share: (1 - fx) * (1 - fy))
                                add(y0 * coarse.width + x1, share: fx * (1 - fy))
                                add(y1 * coarse.width + x0, share: (1 - fx) * fy)
                                add(y1 * coarse.width + x1, share: fx * fy)
                                guard total > 0 else { continue }
                                for channel in 0..<channels { sum.base[channel * fineSize + fine] /= total }
                                weight.base[fine] = 1
                            }
                        }
                    }
                }
            }
        }
    }
}

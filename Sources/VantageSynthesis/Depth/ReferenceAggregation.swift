/// The slow, obviously-correct definition of `SemiGlobalAggregation`, for tests: each path's
/// recursion written out with a minimum over every pair of planes (O(planes²) per pixel) and
/// plain array indexing, pixels visited in an order where each one's predecessor comes first.
enum ReferenceAggregation {
    static func aggregate(_ volume: CostVolume, luma: FloatPlane, aggregation: SemiGlobalAggregation) -> [Float] {
        let width = volume.width, height = volume.height, planes = volume.planes
        var sums = [Float](repeating: 0, count: volume.values.count)
        for (dx, dy) in SemiGlobalAggregation.directions.prefix(aggregation.pathCount) {
            var paths = [Float](repeating: 0, count: volume.values.count)
            let rows = dy >= 0 ? Array(0..<height) : Array((0..<height).reversed())
            let columns = dx >= 0 ? Array(0..<width) : Array((0..<width).reversed())
            for y in rows {
                for x in columns {
                    let pixel = y * width + x
                    let px = x - dx, py = y - dy
                    guard px >= 0, px < width, py >= 0, py < height else {
                        for d in 0..<planes { paths[pixel * planes + d] = volume.values[pixel * planes + d] }
                        continue
                    }
                    let previous = Array(paths[(py * width + px) * planes ..< (py * width + px + 1) * planes])
                    let previousMinimum = previous.min()!
                    let jump = aggregation.largePenalty(step: luma.values[pixel] - luma.values[py * width + px])
                    for d in 0..<planes {
                        var best = Float.infinity
                        for k in 0..<planes {
                            let penalty: Float = k == d ? 0 : (abs(k - d) == 1 ? aggregation.smallPenalty : jump)
                            best = min(best, previous[k] + penalty)
                        }
                        paths[pixel * planes + d] = volume.values[pixel * planes + d] + best - previousMinimum
                    }
                }
            }
            for index in sums.indices { sums[index] += paths[index] }
        }
        return sums
    }
}

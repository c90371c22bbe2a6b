import VantageMedia

/// Semi-global aggregation (Hirschmüller 2008) of a cost volume along 4 or 8 straight paths:
/// along each path `L(p, d) = C(p, d) + min(L(p−r, d), L(p−r, d±1) + P1, min_k L(p−r, k) + P2) − min_k L(p−r, k)`,
/// and the result is the sum of the paths' L. P2 is divided by up to 4 where the reference luma
/// steps between p−r and p, so that depth may jump at image edges. `ReferenceAggregation` is the
/// slow definition this must match.
struct SemiGlobalAggregation: Sendable {
    let smallPenalty: Float
    let largePenalty: Float
    let pathCount: Int

    /// Path directions (dx, dy): the first four are horizontal and vertical, the next four diagonal.
    static let directions: [(Int, Int)] = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1)]
    /// Luma step at which P2 reaches its smallest value (P2 / 4).
    static let edgeStep: Float = 0.1

    /// P2 between two pixels whose luma differs by `step`.
    @inline(__always)
    func largePenalty(step: Float) -> Float {
        max(smallPenalty, largePenalty / (1 + 3 * min(1, abs(step) / Self.edgeStep)))
    }

    func aggregate(_ volume: CostVolume, luma: FloatPlane) -> CostVolume {
        let width = volume.width, height = volume.height, planes = volume.planes
        var sums = [Float](repeating: 0, count: volume.values.count)
        let costValues = volume.values, lumaValues = luma.values
        sums.withUnsafeMutableBufferPointer { sumBuffer in
            let shared = BandSharedBuffer(sumBuffer)
            for (dx, dy) in Self.directions.prefix(pathCount) {
                // A path starts at each pixel whose predecessor lies outside the image; paths of
                // one direction never share a pixel, so they run in parallel.
                let starts = (0..<width * height).filter { pixel in
                    !(0..<width).contains(pixel % width - dx) || !(0..<height).contains(pixel / width - dy)
                }
                forEachChunk(of: starts.count) { chunk in
                    // L of the previous and the current pixel, each with a +inf sentinel before and after.
                    var lines = [Float](repeating: .infinity, count: 2 * (planes + 2))
                    costValues.withUnsafeBufferPointer { costBuffer in
                        lumaValues.withUnsafeBufferPointer { lumaBuffer in
                            lines.withUnsafeMutableBufferPointer { lineBuffer in
                                for start in chunk {
                                    walk(from: starts[start], dx: dx, dy: dy, width: width, height: height, planes: planes,
                                         costs: costBuffer.baseAddress!, intensity: lumaBuffer.baseAddress!,
                                         lines: lineBuffer.baseAddress!, sums: shared.base)
                                }
                            }
                        }
                    }
                }
            }
        }
        return CostVolume(width: width, height: height, planes: planes, values: sums)
    }

    /// One path. `lines` holds two rows of `planes + 2` values: L of the previous pixel and of the
    /// current one, each between +inf sentinels so that planes −1 and `planes` need no test.
    @inline(__always)
    private func walk(from start: Int, dx: Int, dy: Int, width: Int, height: Int, planes: Int, costs: UnsafePointer<Float>,
                      intensity: UnsafePointer<Float>, lines: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>) {
        var x = start % width, y = start / width
        var pixel = start
        var base = pixel &* planes
        var last = lines + 1, next = lines + planes + 3
        var lastMinimum = Float.infinity
        for d in 0..<planes {
            last[d] = costs[base &+ d]
            sums[base &+ d] += last[d]
            lastMinimum = min(lastMinimum, last[d])
        }
        while true {
            x &+= dx; y &+= dy
            guard x >= 0, x < width, y >= 0, y < height else { return }
            let previousPixel = pixel
            pixel = y &* width &+ x
            base = pixel &* planes
            let jump = lastMinimum + largePenalty(step: intensity[pixel] - intensity[previousPixel])
            // Reads only `last`, writes only `next`: a loop the compiler vectorizes.
            let cost = costs + base, sum = sums + base
            for d in 0..<planes {
                let best = min(min(last[d], jump), min(last[d &- 1], last[d &+ 1]) + smallPenalty)
                let value = cost[d] + best - lastMinimum
                next[d] = value
                sum[d] += value
            }
            var minimum = Float.infinity
            for d in 0..<planes { minimum = min(minimum, next[d]) }
            swap(&last, &next)
            lastMinimum = minimum
        }
    }
}

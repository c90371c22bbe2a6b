/// The best hypothesis of each pixel, refined between hypotheses by fitting a parabola through
/// the best cost and its two neighbours.
struct HypothesisChoice: Sendable {
    /// Fractional hypothesis index per pixel (best index ± 0.5 at most).
    var position: [Float]
    /// Distinctiveness per pixel in [0, 1]: how much the best cost undercuts the best one outside
    /// its ±1 neighbourhood (1 − best/second, scaled so that a margin of `fullMargin` counts fully).
    var distinctiveness: [Float]

    static let fullMargin: Float = 0.1

    /// Chooses among `hypotheses` costs per pixel, stored pixel-major.
    static func choose(_ costs: UnsafePointer<Float>, pixels: Int, hypotheses: Int) -> HypothesisChoice {
        var position = [Float](repeating: 0, count: pixels), distinctiveness = position
        position.withUnsafeMutableBufferPointer { positionBuffer in
            distinctiveness.withUnsafeMutableBufferPointer { distinctBuffer in
                let positions = positionBuffer.baseAddress!, distinct = distinctBuffer.baseAddress!
                for pixel in 0..<pixels {
                    let row = costs + pixel &* hypotheses
                    var best = 0
                    for k in 1..<max(1, hypotheses) where row[k] < row[best] { best = k }
                    var second = Float.infinity
                    for k in 0..<hypotheses where abs(k &- best) > 1 { second = min(second, row[k]) }
                    positions[pixel] = Float(best) + subplaneOffset(row, best: best, count: hypotheses)
                    distinct[pixel] = second.isFinite && second > 0
                        ? min(1, max(0, (1 - row[best] / second) / fullMargin)) : 0
                }
            }
        }
        return HypothesisChoice(position: position, distinctiveness: distinctiveness)
    }

    /// Vertex of the parabola through costs best−1, best, best+1, relative to best; 0 at the ends.
    @inline(__always)
    static func subplaneOffset(_ row: UnsafePointer<Float>, best: Int, count: Int) -> Float {
        guard best > 0, best &+ 1 < count else { return 0 }
        let left = row[best &- 1], centre = row[best], right = row[best &+ 1]
        let curvature = left - 2 * centre + right
        guard curvature > 1e-12 else { return 0 }
        return min(0.5, max(-0.5, 0.5 * (left - right) / curvature))
    }
}

import VantageGeometry

/// The slow, obviously-correct definition of `MatchingCost`, for tests: every window pixel is
/// carried to the neighbour through `Camera.unproject` and `Camera.project` in double precision
/// (not through the plane homography), sampled bilinearly with plain array indexing, and the
/// window's means, deviations and covariance are computed in two passes.
enum ReferenceMatchingCost {
    /// Cost of each reference pixel against `neighbour`, with reference pixel i at inverse depth `inverseDepths[i]`.
    static func costs(reference: ViewLevel, neighbour: ViewLevel, inverseDepths: [Float], windowRadius: Int,
                      blankDeviation: Float) -> [Float] {
        let width = reference.width, height = reference.height
        var warped = [Double](repeating: 0, count: width * height)
        var state = [Int](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                (warped[index], state[index]) = sample(neighbour, seenFrom: reference.camera, x: x, y: y,
                                                       depth: 1 / Double(inverseDepths[index]))
            }
        }
        var costs = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let index = y * width + x
                if state[index] == 0 { costs[index] = .nan; continue }
                if state[index] == 1 { costs[index] = 1; continue }
                var window: [(r: Double, w: Double)] = []
                for wy in max(0, y - windowRadius)...min(height - 1, y + windowRadius) {
                    for wx in max(0, x - windowRadius)...min(width - 1, x + windowRadius) {
                        window.append((Double(reference.luma.values[wy * width + wx]), warped[wy * width + wx]))
                    }
                }
                let n = Double(window.count)
                let meanR = window.map(\.r).reduce(0, +) / n, meanW = window.map(\.w).reduce(0, +) / n
                let varianceR = window.map { ($0.r - meanR) * ($0.r - meanR) }.reduce(0, +) / n
                let varianceW = window.map { ($0.w - meanW) * ($0.w - meanW) }.reduce(0, +) / n
                let covariance = window.map { ($0.r - meanR) * ($0.w - meanW) }.reduce(0, +) / n
                costs[index] = MatchingCost.windowCost(
                    referenceMean: Float(meanR), referenceDeviation: Float(varianceR.squareRoot()), warpedMean: Float(meanW),
                    warpedDeviation: Float(varianceW.squareRoot()), covariance: Float(covariance), blankDeviation: blankDeviation)
            }
        }
        return costs
    }

    /// The neighbour's luma where reference pixel (x, y) at `depth` appears, and 0 (off-image),
    /// 1 (backdrop) or 2 (content).
    private static func sample(_ neighbour: ViewLevel, seenFrom camera: Camera, x: Int, y: Int, depth: Double) -> (Double, Int) {
        guard let point = camera.unproject(Vector2(Double(x), Double(y)), depth: depth),
              let (q, _) = neighbour.camera.project(point), neighbour.camera.contains(q) else { return (0, 0) }
        let w = neighbour.width, h = neighbour.height
        let cx = min(max(q.x, 0), Double(w - 1)), cy = min(max(q.y, 0), Double(h - 1))
        let x0 = Int(cx), y0 = Int(cy), x1 = min(x0 + 1, w - 1), y1 = min(y0 + 1, h - 1)
        let fx = cx - Double(x0), fy = cy - Double(y0)
        func luma(_ x: Int, _ y: Int) -> Double { Double(neighbour.luma.values[y * w + x]) }
        let value = (luma(x0, y0) * (1 - fx) + luma(x1, y0) * fx) * (1 - fy) + (luma(x0, y1) * (1 - fx) + luma(x1, y1) * fx) * fy
        let nearest = Int((cy + 0.5).rounded(.down)) * w + Int((cx + 0.5).rounded(.down))
        return (value, neighbour.coverage.values[min(nearest, w * h - 1)] >= 0.5 ? 2 : 1)
    }
}

import VantageGeometry
import VantageMedia

/// Offers the ground plane (a pitch, a floor: the world plane z = h) as a depth hypothesis after
/// the sweep. Fronto-parallel matching windows fit a ground seen at a grazing angle badly, so the
/// sweep's depth there is noisy; where the ground explains the neighbours' images better
/// (window ZNCC on luma, 5×5 footprint sampled every other pixel, each window pixel moved by its
/// own ground depth) than the swept depth's fronto-parallel window does,
/// the pixel takes the ground's depth and a confidence from that agreement.
enum GroundPrior {
    /// How much lower the ground's cost must be than the swept depth's to replace it (in 1 − ZNCC units).
    static let margin: Float = 0.05
    /// Cost above which the ground is never taken.
    static let maximumCost: Float = 0.6

    static func apply(_ estimate: DepthEstimate, reference: SourceView, neighbours: [SourceView], groundHeight: Double,
                      range: DepthRange) -> DepthEstimate {
        guard !neighbours.isEmpty else { return estimate }
        let referenceLevel = ViewLevel.pyramid(of: reference, levels: 1)[0]
        let partners = neighbours.prefix(2).map { (level: ViewLevel.pyramid(of: $0, levels: 1)[0],
                                                   transfer: PixelTransfer(from: reference.camera, to: $0.camera)) }
        let camera = reference.camera
        let width = camera.size.width, height = camera.size.height
        // World plane n·X = h (n = +z) in the reference frame: (R·n)·X = h + (R·n)·t.
        let normal = camera.camFromWorld.rotation * Vector3(0, 0, 1)
        let offset = groundHeight + normal.dot(camera.camFromWorld.translation)
        let inverseK = PixelTransfer.inverseCalibration(camera)
        let row0 = SIMD3<Float>(inverseK.rows.0), row1 = SIMD3<Float>(inverseK.rows.1), n = SIMD3<Float>(normal)
        let near = Float(range.near), far = Float(range.far)
        /// Camera-z where pixel (u, v)'s ray meets the ground, if in front of the camera.
        @Sendable func groundDepth(_ u: Int, _ v: Int) -> Float? {
            let ray = SIMD3<Float>((row0 * SIMD3(Float(u), Float(v), 1)).sum(), (row1 * SIMD3(Float(u), Float(v), 1)).sum(), 1)
            let along = (n * ray).sum()
            guard along != 0 else { return nil }
            let depth = Float(offset) / along
            return depth > 0 ? depth : nil
        }
        var result = estimate
        result.depth.values.withUnsafeMutableBufferPointer { depthBuffer in
            result.confidence.withUnsafeMutableBufferPointer { confidenceBuffer in
                let depth = BandSharedBuffer(depthBuffer), confidence = BandSharedBuffer(confidenceBuffer)
                forEachChunk(of: height) { rows in
                    for y in rows {
                        for x in 0..<width {
                            guard let ground = groundDepth(x, y), ground >= near, ground <= far else { continue }
                            let index = y * width + x
                            let swept = depth.base[index]
                            guard referenceLevel.coverage.values[index] >= 0.5, !(abs(swept - ground) < 0.005 * ground) else { continue }
                            let groundCost = cost(x: x, y: y, depthAt: groundDepth, reference: referenceLevel, partners: partners)
                            guard groundCost < maximumCost else { continue }
                            let sweptCost = swept.isFinite ? cost(x: x, y: y, depthAt: { _, _ in swept }, reference: referenceLevel,
                                                                  partners: partners) : 1
                            guard groundCost + margin < sweptCost else { continue }
                            depth.base[index] = ground
                            confidence.base[index] = max(confidence.base[index], 1 - groundCost)
                        }
                    }
                }
            }
        }
        return result
    }

    /// Mean over the partners of 1 − ZNCC between the reference window around (x, y) and the
    /// partner's luma where those window pixels land at their depth (`depthAt(u, v)`: one
    /// depth for a fronto-parallel window, each pixel's own for the ground plane); 1 where a
    /// partner sees too little.
    private static func cost(x: Int, y: Int, depthAt: (Int, Int) -> Float?, reference: ViewLevel,
                             partners: [(level: ViewLevel, transfer: PixelTransfer)]) -> Float {
        var total: Float = 0
        for partner in partners {
            var sumA: Float = 0, sumB: Float = 0, sumAA: Float = 0, sumBB: Float = 0, sumAB: Float = 0, count: Float = 0
            for dy in stride(from: -2, through: 2, by: 2) {
                for dx in stride(from: -2, through: 2, by: 2) {
                    let u = x + dx, v = y + dy
                    guard u >= 0, v >= 0, u < reference.width, v < reference.height, let depth = depthAt(u, v) else { continue }
                    let p = partner.transfer.apply(Float(u), Float(v), depth: depth)
                    guard p.depth > 0,
                          let b = PixelTransfer.bilinear(partner.level.luma.values, at: p.x, p.y,
                                                         width: partner.level.width, height: partner.level.height) else { continue }
                    let a = reference.luma.values[v * reference.width + u]
                    sumA += a; sumB += b; sumAA += a * a; sumBB += b * b; sumAB += a * b; count += 1
                }
            }
            guard count >= 6 else { total += 1; continue }
            let varA = sumAA / count - (sumA / count) * (sumA / count), varB = sumBB / count - (sumB / count) * (sumB / count)
            let covariance = sumAB / count - (sumA / count) * (sumB / count)
            // Blank windows (no texture to correlate) compare their means instead.
            let zncc = varA < 1e-5 || varB < 1e-5 ? 1 - min(1, abs(sumA - sumB) / count * 10) : covariance / (varA * varB).squareRoot()
            total += 1 - zncc
        }
        return total / Float(partners.count)
    }
}

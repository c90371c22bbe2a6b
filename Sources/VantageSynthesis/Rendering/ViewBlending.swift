import VantageGeometry
import VantageMedia

/// One chosen source, prepared for blending into a target.
struct BlendSource: @unchecked Sendable {
    let view: SourceView
    /// Per source pixel, trust in its depth, in [0, 1].
    let confidence: [Float]
    /// Per source pixel, its camera-z (`+inf` unknown).
    let depth: [Float]
    /// The target's z-buffer of this source (`DepthSplatting.splat`).
    let zBuffer: [Float]
    /// Target pixel + target depth → source pixel.
    let targetToSource: PixelTransfer
    /// The source camera's centre in the target camera's frame.
    let centreInTarget: SIMD3<Float>

    init(view: SourceView, depth: DepthEstimate, target: Camera) {
        self.view = view
        confidence = depth.confidence
        self.depth = depth.depth.values
        zBuffer = DepthSplatting.splat(view, depth: depth.depth, into: target)
        targetToSource = PixelTransfer(from: target, to: view.camera)
        centreInTarget = SIMD3<Float>(target.camFromWorld.apply(view.camera.centerInWorld))
    }
}

/// The blended target view before hole filling.
struct BlendedView {
    var image: PlanarFloatImage
    var confidence: [Float]
    /// Camera-z of the front surface per target pixel; `+inf` for holes, `DepthSplatting.backdrop` for backdrop.
    var depth: [Float]
}

/// Resolves visibility between sources with a z-test and blends the visible ones: each target
/// pixel takes the nearest surface any source shows; every source whose surface lies within
/// `depthTolerance` of it contributes its colour (fetched bilinearly), weighted by the angle between
/// its ray and the target's ray (unstructured-lumigraph style: small angles dominate, so weights
/// move smoothly with the virtual camera) and by its depth confidence.
enum ViewBlending {
    static func blend(_ sources: [BlendSource], target: Camera, depthTolerance: Float, angleSoftness: Float) -> BlendedView {
        let width = target.size.width, height = target.size.height, planeSize = width * height
        var image = PlanarFloatImage(width: width, height: height)
        var confidence = [Float](repeating: 0, count: planeSize)
        var frontDepth = [Float](repeating: .infinity, count: planeSize)
        let inverseK = PixelTransfer.inverseCalibration(target)
        let rayRow0 = SIMD3<Float>(inverseK.rows.0), rayRow1 = SIMD3<Float>(inverseK.rows.1)
        let softnessSquared = angleSoftness * angleSoftness
        image.samples.withUnsafeMutableBufferPointer { imageBuffer in
            confidence.withUnsafeMutableBufferPointer { confidenceBuffer in
                frontDepth.withUnsafeMutableBufferPointer { depthBuffer in
                    let outImage = BandSharedBuffer(imageBuffer), outConfidence = BandSharedBuffer(confidenceBuffer)
                    let outDepth = BandSharedBuffer(depthBuffer)
                    forEachChunk(of: height) { rows in
                        for y in rows {
                            for x in 0..<width {
                                let pixel = y &* width &+ x
                                var front = Float.infinity
                                for source in sources { front = min(front, source.zBuffer[pixel]) }
                                guard front.isFinite else { continue }
                                outDepth.base[pixel] = front
                                let isBackdrop = front >= DepthSplatting.backdrop
                                let ray = SIMD3<Float>((rayRow0 * SIMD3(Float(x), Float(y), 1)).sum(),
                                                       (rayRow1 * SIMD3(Float(x), Float(y), 1)).sum(), 1)
                                var red: Float = 0, green: Float = 0, blue: Float = 0
                                var weightSum: Float = 0, trustSum: Float = 0
                                for source in sources {
                                    let z = source.zBuffer[pixel]
                                    guard z.isFinite, isBackdrop ? z >= DepthSplatting.backdrop : z <= front * (1 + depthTolerance) else { continue }
                                    let position: (x: Float, y: Float)
                                    var weight: Float
                                    if isBackdrop {
                                        guard let p = source.targetToSource.applyAtInfinity(Float(x), Float(y)) else { continue }
                                        position = p
                                        weight = 1
                                    } else {
                                        let p = source.targetToSource.onSurface(x: Float(x), y: Float(y), depth: z,
                                                                                surface: source.depth, width: source.view.image.width,
                                                                                height: source.view.image.height)
                                        position = (p.x, p.y)
                                        let point = ray * z
                                        let toTarget = point, toSource = point - source.centreInTarget
                                        let cosine = (toTarget * toSource).sum()
                                            / ((toTarget * toTarget).sum() * (toSource * toSource).sum()).squareRoot()
                                        let angleSquared = 2 * max(0, 1 - cosine)
                                        weight = 1 / (angleSquared + softnessSquared)
                                    }
                                    guard let sample = sampleColour(source, at: position) else { continue }
                                    weight *= 0.05 + sample.trust
                                    red += weight * sample.red
                                    green += weight * sample.green
                                    blue += weight * sample.blue
                                    weightSum += weight
                                    trustSum += weight * sample.trust
                                }
                                guard weightSum > 0 else { outDepth.base[pixel] = .infinity; continue }
                                let inverse = 1 / weightSum
                                outImage.base[pixel] = red * inverse
                                outImage.base[planeSize &+ pixel] = green * inverse
                                outImage.base[2 &* planeSize &+ pixel] = blue * inverse
                                outConfidence.base[pixel] = isBackdrop ? 1 : max(trustSum * inverse, 0.01)
                            }
                        }
                    }
                }
            }
        }
        return BlendedView(image: image, confidence: confidence, depth: frontDepth)
    }

    /// Bilinear colour and nearest-pixel confidence of `source` at a sub-pixel position; `nil` off the frame.
    @inline(__always)
    private static func sampleColour(_ source: BlendSource, at position: (x: Float, y: Float))
        -> (red: Float, green: Float, blue: Float, trust: Float)? {
        let width = source.view.image.width, height = source.view.image.height
        guard position.x >= -0.5, position.y >= -0.5, position.x <= Float(width) - 0.5, position.y <= Float(height) - 0.5 else { return nil }
        let x = min(max(position.x, 0), Float(width - 1)), y = min(max(position.y, 0), Float(height - 1))
        let x0 = min(Int(x), max(width - 2, 0)), y0 = min(Int(y), max(height - 2, 0))
        let x1 = min(x0 &+ 1, width - 1), y1 = min(y0 &+ 1, height - 1)
        let fx = x - Float(x0), fy = y - Float(y0)
        let planeSize = width &* height
        let i00 = y0 &* width &+ x0, i01 = y0 &* width &+ x1, i10 = y1 &* width &+ x0, i11 = y1 &* width &+ x1
        return source.view.image.samples.withUnsafeBufferPointer { samples in
            let s = samples.baseAddress!
            @inline(__always) func bilinear(_ plane: Int) -> Float {
                let p = s + plane
                return (p[i00] * (1 - fx) + p[i01] * fx) * (1 - fy) + (p[i10] * (1 - fx) + p[i11] * fx) * fy
            }
            let nearest = (fy < 0.5 ? (fx < 0.5 ? i00 : i01) : (fx < 0.5 ? i10 : i11))
            return (bilinear(0), bilinear(planeSize), bilinear(2 &* planeSize), source.confidence[nearest])
        }
    }
}

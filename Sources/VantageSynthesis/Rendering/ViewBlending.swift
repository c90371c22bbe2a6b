import VantageGeometry
import VantageMedia

/// One chosen source, prepared for blending into a target.
struct BlendSource: Sendable {
    let view: SourceView
    let depth: DepthEstimate
    /// The target's z-buffer of this source (`DepthSplatting.splat`).
    let zBuffer: [Float]
    /// The same for the source's foreground pixels alone, when it marks any.
    let foregroundZ: [Float]?
    /// Target pixel + target depth → source pixel.
    let targetToSource: PixelTransfer
    /// The source camera's centre in the target camera's frame.
    let centreInTarget: SIMD3<Float>
    /// The uniform colour a masked source shows where it has no coverage (black without a mask).
    let backdropColour: SIMD3<Float>

    /// Prepares `view`, leaving out depth less trusted than `minimumConfidence`.
    init(view: SourceView, depth estimate: DepthEstimate, target: Camera, minimumConfidence: Float) {
        self.view = view
        depth = UntrustedDepth.dropped(estimate, minimumConfidence: minimumConfidence)
        let completed = depth
        zBuffer = DepthSplatting.splat(view, depth: completed.depth, into: target)
        foregroundZ = completed.foreground.flatMap { flags in
            guard flags.contains(true) else { return nil }
            var foregroundDepth = completed.depth
            for pixel in flags.indices where !flags[pixel] { foregroundDepth.values[pixel] = .infinity }
            return DepthSplatting.splat(view, depth: foregroundDepth, into: target)
        }
        targetToSource = PixelTransfer(from: target, to: view.camera)
        centreInTarget = SIMD3<Float>(target.camFromWorld.apply(view.camera.centerInWorld))
        let image = view.image, planeSize = image.width * image.height
        backdropColour = view.coverage?.firstIndex { $0 < 0.5 }.map { index in
            SIMD3(image.samples[index], image.samples[planeSize + index], image.samples[2 * planeSize + index])
        } ?? SIMD3(repeating: 0)
    }
}

/// The blended target view before hole filling.
struct BlendedView {
    var image: PlanarFloatImage
    var confidence: [Float]
    /// Camera-z of the front surface per target pixel; `+inf` for holes (`DepthSplatting.backdrop`
    /// once `BackdropCarving` has found them empty).
    var depth: [Float]
}

/// Resolves visibility between sources (`SurfaceChoice`) and blends the visible ones: every source whose surface lies within
/// `depthTolerance` of it contributes its colour (fetched bilinearly on its depth surface, see
/// `PixelTransfer.onSurface`), weighted by the angle between its ray and the target's ray
/// (unstructured-lumigraph style: small angles dominate, so weights move smoothly with the
/// virtual camera) and by its depth confidence.
enum ViewBlending {
    /// Passes of the 3×3 median over surfaces chosen by photo-consistency (repeated 3×3 medians
    /// remove clusters of a few pixels, not only single ones; measured: 3 passes +0.1 dB and
    /// +0.01 SSIM on the stadium and pose2sim against 1).
    static let medianPasses = 3
    /// Row bands per core of the blending passes: rows differ a lot in cost (surface choice
    /// compares candidates only where sources disagree), and small bands keep every core busy to the end.
    static let bandsPerCore = 16

    /// `groundHeight`: the world plane z = h that holds the ground (a pitch, a floor), offered as a
    /// surface wherever the sources disagree; `nil` for none.
    /// `proxyDepth`: the depth of a fronto-parallel plane through what the target looks at, the
    /// surface of last resort where the sources' depths are inconsistent.
    static func blend(_ sources: [BlendSource], target: Camera, depthTolerance: Float, angleSoftness: Float,
                      groundHeight: Double?, proxyDepth: Float?) -> BlendedView {
        let width = target.size.width, height = target.size.height, planeSize = width * height
        var image = PlanarFloatImage(width: width, height: height)
        var confidence = [Float](repeating: 0, count: planeSize)
        var frontDepth = [Float](repeating: .infinity, count: planeSize)
        let inverseK = PixelTransfer.inverseCalibration(target)
        // World plane n·X = h with n = +z maps to (R·n)·X_cam = h + (R·n)·t in the target's frame.
        let groundNormal = target.camFromWorld.rotation * Vector3(0, 0, 1)
        let rays = RayMap(row0: SIMD3<Float>(inverseK.rows.0), row1: SIMD3<Float>(inverseK.rows.1),
                          groundNormal: groundHeight.map { _ in SIMD3<Float>(groundNormal) },
                          groundOffset: Float((groundHeight ?? 0) + groundNormal.dot(target.camFromWorld.translation)))
        let weighting = Weighting(depthTolerance: depthTolerance, softnessSquared: angleSoftness * angleSoftness)
        SourcePixels.withPixels(of: sources[...], collected: []) { rawSources in
            let raw = SourcePixels.Shared(rawSources)
            // Pass 1: the surface each pixel shows; 3×3 medians then remove small clusters of
            // switches between the candidates that photo-consistency chose, which show as speckle.
            var surface = [Float](repeating: .infinity, count: planeSize)
            var byConsistency = [Bool](repeating: false, count: planeSize)
            surface.withUnsafeMutableBufferPointer { surfaceBuffer in
                byConsistency.withUnsafeMutableBufferPointer { flagBuffer in
                    let shared = BandSharedBuffer(surfaceBuffer), flags = BandSharedBuffer(flagBuffer)
                    forEachChunk(of: height, chunksPerCore: bandsPerCore) { rows in
                        for y in rows {
                            for x in 0..<width {
                                let ray = rays.ray(x: x, y: y)
                                guard let choice = SurfaceChoice.front(
                                    x: Float(x), Float(y), y &* width &+ x, sources: raw.sources, ground: rays.groundDepth(along: ray),
                                    proxy: proxyDepth, tolerance: depthTolerance) else { continue }
                                shared.base[y &* width &+ x] = choice.depth
                                flags.base[y &* width &+ x] = choice.byConsistency
                            }
                        }
                    }
                }
            }
            for _ in 0..<medianPasses { surface = DepthMedian.filtered(surface, width: width, height: height, where: byConsistency) }
            // Pass 2: blend the sources that see each pixel's surface.
            image.samples.withUnsafeMutableBufferPointer { imageBuffer in
                confidence.withUnsafeMutableBufferPointer { confidenceBuffer in
                    frontDepth.withUnsafeMutableBufferPointer { depthBuffer in
                        let output = Output(image: BandSharedBuffer(imageBuffer), confidence: BandSharedBuffer(confidenceBuffer),
                                            depth: BandSharedBuffer(depthBuffer), planeSize: planeSize)
                        surface.withUnsafeBufferPointer { surfaceBuffer in
                            let surfaces = SourcePixels.SharedPlane(surfaceBuffer)
                            forEachChunk(of: height, chunksPerCore: bandsPerCore) { rows in
                                for y in rows {
                                    for x in 0..<width {
                                        blendPixel(x: x, y: y, width: width, front: surfaces.values[y &* width &+ x], sources: raw.sources,
                                                   rays: rays, weighting: weighting, output: output)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return BlendedView(image: image, confidence: confidence, depth: frontDepth)
    }

    /// Target rays (camera frame, z = 1) and the ground plane in the target's frame.
    struct RayMap {
        let row0: SIMD3<Float>, row1: SIMD3<Float>
        /// Ground plane `normal · X = offset` in the target camera's frame; `nil` without a ground.
        let groundNormal: SIMD3<Float>?, groundOffset: Float

        /// The ray through pixel (x, y), scaled to z = 1.
        @inline(__always)
        func ray(x: Int, y: Int) -> SIMD3<Float> {
            let pixel = SIMD3<Float>(Float(x), Float(y), 1)
            return SIMD3<Float>((row0 * pixel).sum(), (row1 * pixel).sum(), 1)
        }

        /// Camera-z where `ray` meets the ground, or `nil` (no ground, or it is behind the camera).
        @inline(__always)
        func groundDepth(along ray: SIMD3<Float>) -> Float? {
            guard let groundNormal else { return nil }
            let along = (groundNormal * ray).sum()
            guard along != 0 else { return nil }
            let depth = groundOffset / along
            return depth > 0 ? depth : nil
        }
    }
    private struct Weighting { let depthTolerance: Float, softnessSquared: Float }
    private struct Output {
        let image: BandSharedBuffer<Float>, confidence: BandSharedBuffer<Float>, depth: BandSharedBuffer<Float>
        let planeSize: Int
    }

    @inline(__always)
    private static func blendPixel(x: Int, y: Int, width: Int, front: Float, sources: UnsafeBufferPointer<SourcePixels>,
                                   rays: RayMap, weighting: Weighting, output: Output) {
        guard front.isFinite else { return }
        let pixel = y &* width &+ x
        let ray = rays.ray(x: x, y: y)
        var colour = SIMD3<Float>(repeating: 0)
        var weightSum: Float = 0, trustSum: Float = 0
        // A player (foreground) is drawn only by the sources whose foreground is there: the others'
        // billboards of the same player stand elsewhere, and they would paint pitch over it. Else
        // sources whose own surface is the chosen one are fetched on that surface; when none is
        // (the ground, or a surface only one source has), every source that is not occluded there is.
        let tolerance = weighting.depthTolerance * front
        let isForeground = sources.contains { $0.foregroundZ.map { abs($0[pixel] - front) <= tolerance } ?? false }
        let agreeing = sources.contains { abs($0.zBuffer[pixel] - front) <= tolerance }
        for source in sources {
            let z = isForeground ? source.foregroundZ?[pixel] ?? .infinity : source.zBuffer[pixel]
            let position: (x: Float, y: Float)
            if abs(z - front) <= tolerance {
                position = source.targetToSource.onSurface(x: Float(x), y: Float(y), depth: z, surface: source.depth,
                                                           width: source.width, height: source.height)
            } else if !isForeground && !agreeing && !(z < front * (1 - weighting.depthTolerance)) {
                let p = source.targetToSource.apply(Float(x), Float(y), depth: front)
                guard p.depth > 0 else { continue }
                position = (p.x, p.y)
            } else {
                continue
            }
            let toTarget = ray * front, toSource = toTarget - source.centreInTarget
            let cosine = (toTarget * toSource).sum() / ((toTarget * toTarget).sum() * (toSource * toSource).sum()).squareRoot()
            var weight = 1 / (2 * max(0, 1 - cosine) + weighting.softnessSquared)
            guard let sample = source.sample(at: position) else { continue }
            let trust = agreeing ? sample.trust : 0.1
            weight *= 0.05 + trust
            colour += weight * sample.colour
            weightSum += weight
            trustSum += weight * trust
        }
        guard weightSum > 0 else { return }
        output.depth.base[pixel] = front
        let inverse = 1 / weightSum
        output.image.base[pixel] = colour.x * inverse
        output.image.base[output.planeSize &+ pixel] = colour.y * inverse
        output.image.base[2 &* output.planeSize &+ pixel] = colour.z * inverse
        output.confidence.base[pixel] = max(trustSum * inverse, 0.01)
    }
}

/// Raw views of one `BlendSource`'s buffers for the inner loop (no reference counting there);
/// valid only inside `withPixels`.
struct SourcePixels: @unchecked Sendable {
    let image: UnsafePointer<Float>
    /// Coverage mask, when the source has one.
    let coverage: UnsafePointer<Float>?
    let depth: UnsafePointer<Float>
    let confidence: UnsafePointer<Float>
    let zBuffer: UnsafePointer<Float>
    /// Foreground-only z-buffer, when the source has foreground.
    let foregroundZ: UnsafePointer<Float>?
    let width: Int, height: Int
    let targetToSource: PixelTransfer
    let centreInTarget: SIMD3<Float>

    /// A plane of floats the row bands of one blend only read.
    struct SharedPlane: @unchecked Sendable {
        let values: UnsafeBufferPointer<Float>
        init(_ values: UnsafeBufferPointer<Float>) { self.values = values }
    }

    /// The raw views shared by the row bands of one blend, which only read them.
    struct Shared: @unchecked Sendable {
        let sources: UnsafeBufferPointer<SourcePixels>
        init(_ sources: UnsafeBufferPointer<SourcePixels>) { self.sources = sources }
    }

    private static func withOptionalPointer<R>(_ array: [Float]?, _ body: (UnsafePointer<Float>?) -> R) -> R {
        guard let array else { return body(nil) }
        return array.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Calls `body` with the raw views of every source, keeping their arrays alive meanwhile.
    static func withPixels<R>(of sources: ArraySlice<BlendSource>, collected: [SourcePixels],
                              _ body: (UnsafeBufferPointer<SourcePixels>) -> R) -> R {
        guard let source = sources.first else { return collected.withUnsafeBufferPointer(body) }
        return source.view.image.samples.withUnsafeBufferPointer { image in
            source.depth.depth.values.withUnsafeBufferPointer { depth in
                source.depth.confidence.withUnsafeBufferPointer { confidence in
                    source.zBuffer.withUnsafeBufferPointer { zBuffer in
                        withOptionalPointer(source.view.coverage) { coverage in
                            withOptionalPointer(source.foregroundZ) { foregroundZ in
                                let pixels = SourcePixels(
                                    image: image.baseAddress!, coverage: coverage, depth: depth.baseAddress!,
                                    confidence: confidence.baseAddress!, zBuffer: zBuffer.baseAddress!, foregroundZ: foregroundZ,
                                    width: source.view.image.width, height: source.view.image.height,
                                    targetToSource: source.targetToSource, centreInTarget: source.centreInTarget)
                                return withPixels(of: sources.dropFirst(), collected: collected + [pixels], body)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether this source's mask says the point at target pixel (x, y) and depth `depth` is empty space.
    @inline(__always)
    func seesBackdrop(atTargetX x: Float, _ y: Float, depth: Float) -> Bool {
        guard let coverage else { return false }
        let p = targetToSource.apply(x, y, depth: depth)
        let u = Int((p.x + 0.5).rounded(.down)), v = Int((p.y + 0.5).rounded(.down))
        guard p.depth > 0, u >= 0, v >= 0, u < width, v < height else { return false }
        return coverage[v &* width &+ u] < 0.5
    }

    /// Bilinear colour and nearest-pixel confidence at a sub-pixel position; `nil` off the frame.
    @inline(__always)
    func sample(at position: (x: Float, y: Float)) -> (colour: SIMD3<Float>, trust: Float)? {
        guard position.x >= -0.5, position.y >= -0.5, position.x <= Float(width) - 0.5, position.y <= Float(height) - 0.5 else { return nil }
        let x = min(max(position.x, 0), Float(width - 1)), y = min(max(position.y, 0), Float(height - 1))
        let x0 = min(Int(x), max(width &- 2, 0)), y0 = min(Int(y), max(height &- 2, 0))
        let x1 = min(x0 &+ 1, width &- 1), y1 = min(y0 &+ 1, height &- 1)
        let fx = x - Float(x0), fy = y - Float(y0)
        let planeSize = width &* height
        let i00 = y0 &* width &+ x0, i01 = y0 &* width &+ x1, i10 = y1 &* width &+ x0, i11 = y1 &* width &+ x1
        @inline(__always) func bilinear(_ plane: UnsafePointer<Float>) -> Float {
            (plane[i00] * (1 - fx) + plane[i01] * fx) * (1 - fy) + (plane[i10] * (1 - fx) + plane[i11] * fx) * fy
        }
        let nearest = fy < 0.5 ? (fx < 0.5 ? i00 : i01) : (fx < 0.5 ? i10 : i11)
        return (SIMD3(bilinear(image), bilinear(image + planeSize), bilinear(image + 2 &* planeSize)), confidence[nearest])
    }
}

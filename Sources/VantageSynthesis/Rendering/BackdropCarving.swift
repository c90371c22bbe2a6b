import VantageGeometry
import VantageMedia

/// Decides, for target pixels no source warped anything into, whether they look at empty space.
///
/// Works only when every source has a coverage mask (alpha): a 3D point is inside the visual hull
/// when every source that sees it covers it, and a ray that meets no such point within the depth
/// range shows backdrop. Those pixels take the sources' backdrop colour; the others
/// are real disocclusions, left for inpainting.
enum BackdropCarving {
    /// Depth samples tested along each ray, evenly in inverse depth.
    static let samplesPerRay = 32

    /// `views`: every view of the moment (the more, the tighter the hull), not only the blended ones.
    static func carve(_ blended: inout BlendedView, views: [SourceView], backdropColour: SIMD3<Float>, target: Camera, range: DepthRange) {
        guard !views.isEmpty, views.allSatisfy({ $0.coverage != nil }) else { return }
        let sources = views.map { HullView(view: $0, target: target) }
        let width = target.size.width, height = target.size.height, planeSize = width * height
        let inverseNear = Float(1 / range.near), inverseFar = Float(1 / range.far)
        let depths = (0..<samplesPerRay).map { step in
            1 / (inverseFar + (inverseNear - inverseFar) * (Float(step) + 0.5) / Float(samplesPerRay))
        }
        blended.depth.withUnsafeMutableBufferPointer { depthBuffer in
            blended.image.samples.withUnsafeMutableBufferPointer { imageBuffer in
                blended.confidence.withUnsafeMutableBufferPointer { confidenceBuffer in
                    let depth = BandSharedBuffer(depthBuffer), image = BandSharedBuffer(imageBuffer)
                    let confidence = BandSharedBuffer(confidenceBuffer)
                    forEachChunk(of: height) { rows in
                        for y in rows {
                            for x in 0..<width where !depth.base[y * width + x].isFinite {
                                guard !rayMeetsHull(x: Float(x), y: Float(y), depths: depths, sources: sources) else { continue }
                                let pixel = y * width + x
                                depth.base[pixel] = DepthSplatting.backdrop
                                confidence.base[pixel] = 0.5
                                for channel in 0..<3 { image.base[channel * planeSize + pixel] = backdropColour[channel] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether some point of the ray through target pixel (x, y), at one of `depths`, is covered
    /// by every source that sees it (at least two).
    private static func rayMeetsHull(x: Float, y: Float, depths: [Float], sources: [HullView]) -> Bool {
        depths.contains { depth in
            var seenBy = 0
            for source in sources {
                let p = source.targetToSource.apply(x, y, depth: depth)
                let u = Int((p.x + 0.5).rounded(.down)), v = Int((p.y + 0.5).rounded(.down))
                guard p.depth > 0, u >= 0, v >= 0, u < source.width, v < source.height else { continue }
                if source.coverage[v * source.width + u] < 0.5 { return false }
                seenBy += 1
            }
            return seenBy >= 2
        }
    }

    /// A masked view, ready to test target rays against.
    private struct HullView: Sendable {
        let targetToSource: PixelTransfer
        let coverage: [Float]
        let width: Int, height: Int

        init(view: SourceView, target: Camera) {
            targetToSource = PixelTransfer(from: target, to: view.camera)
            coverage = view.coverage!
            width = view.image.width
            height = view.image.height
        }
    }
}

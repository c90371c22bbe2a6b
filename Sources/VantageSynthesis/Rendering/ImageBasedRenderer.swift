import Dispatch
import VantageGeometry
import VantageMedia

/// Depth-image-based rendering of one target from sources whose depth is known: forward-warp each
/// source's depth into the target, z-test, blend colours fetched backwards, inpaint what no source
/// saw. Pure function of its inputs; `ImageBasedModel` adds source choice and depth.
struct ImageBasedRenderer: Sendable {
    /// Surfaces within this fraction of the front depth count as the same surface.
    var depthTolerance: Float = 0.02
    /// Angle (radians) below which sources weigh about the same; larger = softer blending.
    var angleSoftness: Float = 0.02
    /// Source pixels whose depth confidence is below this are not warped (0.4 → 0.7 measured
    /// pose2sim 11.95 → 12.13 dB, stadium 23.16 → 23.20 dB).
    var minimumConfidence: Float = 0.7
    /// The world plane z = h that holds the ground, offered as a surface where sources disagree.
    var groundHeight: Double? = nil
    /// Depth of the fronto-parallel proxy plane through what the target looks at (`nil`: none).
    var proxyDepth: Float? = nil

    /// Renders the pinhole `target` (validated by the caller) from `sources`.
    func render(target: Camera, sources: [(view: SourceView, depth: DepthEstimate)]) -> RenderedView {
        finish(target: target, prepared: prepare(sources, for: target), carving: nil)
    }

    /// Renders from `sources`, then adds the sources `next` supplies, one at a time, while more
    /// than `acceptedHoleShare` of the target is seen by none of them. Returns the view and how
    /// many sources it used.
    /// `carving`: every view of the moment and the target's depth range, for the visual hull of
    /// masked captures (backdrop versus disocclusion, see `BackdropCarving`).
    func render(target: Camera, sources: [(view: SourceView, depth: DepthEstimate)], carving: (views: [SourceView], range: DepthRange)?,
                acceptedHoleShare: Double,
                next: () throws(SynthesisError) -> (view: SourceView, depth: DepthEstimate)?) throws(SynthesisError) -> (RenderedView, Int) {
        var prepared = prepare(sources, for: target)
        while holeShare(of: prepared) > acceptedHoleShare, let source = try next() {
            prepared.append(BlendSource(view: source.view, depth: source.depth, target: target, minimumConfidence: minimumConfidence))
        }
        return (finish(target: target, prepared: prepared, carving: carving), prepared.count)
    }

    private func prepare(_ sources: [(view: SourceView, depth: DepthEstimate)], for target: Camera) -> [BlendSource] {
        let prepared = UnsafeSlots<BlendSource>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            prepared.set(index, BlendSource(view: sources[index].view, depth: sources[index].depth, target: target,
                                            minimumConfidence: minimumConfidence))
        }
        return prepared.values
    }

    /// Blends, carves backdrop (when the views have coverage masks), inpaints.
    private func finish(target: Camera, prepared: [BlendSource], carving: (views: [SourceView], range: DepthRange)?) -> RenderedView {
        let hullEntry = carving.flatMap { carving in
            VisualHull(views: carving.views, target: target)?.entryDepths(target: target, range: carving.range)
        }
        var blended = ViewBlending.blend(prepared, target: target, depthTolerance: depthTolerance, angleSoftness: angleSoftness,
                                         groundHeight: groundHeight, proxyDepth: proxyDepth)
        if let hullEntry, let first = prepared.first {
            BackdropCarving.carve(&blended, hullEntry: hullEntry, backdropColour: first.backdropColour)
        }
        HoleFilling.fill(&blended.image, depth: blended.depth)
        return RenderedView(image: blended.image, confidence: blended.confidence)
    }

    /// Share of target pixels that no prepared source covers, counted over row bands in parallel
    /// (it runs between the parallel passes, once per source added).
    private func holeShare(of prepared: [BlendSource]) -> Double {
        guard let first = prepared.first else { return 1 }
        let pixelCount = first.zBuffer.count, bandCount = 4 * ProcessInfoCores.count
        return SourcePixels.withPixels(of: prepared[...], collected: []) { rawSources in
            let raw = SourcePixels.Shared(rawSources)
            let holeCounts = UnsafeSlots<Int>(count: bandCount)
            DispatchQueue.concurrentPerform(iterations: bandCount) { band in
                var holes = 0
                for pixel in (pixelCount * band / bandCount)..<(pixelCount * (band + 1) / bandCount)
                where !raw.sources.contains(where: { $0.zBuffer[pixel].isFinite }) {
                    holes &+= 1
                }
                holeCounts.set(band, holes)
            }
            return Double(holeCounts.values.reduce(0, +)) / Double(pixelCount)
        }
    }
}

/// Results of a `concurrentPerform`, one slot per iteration; each iteration writes only its own slot.
final class UnsafeSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    var values: [Value] { slots.map { $0! } }
}

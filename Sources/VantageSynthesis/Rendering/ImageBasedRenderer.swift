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

    /// Renders the pinhole `target` (validated by the caller) from `sources`.
    func render(target: Camera, sources: [(view: SourceView, depth: DepthEstimate)]) -> RenderedView {
        let prepared = UnsafeSlots<BlendSource>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            prepared.set(index, BlendSource(view: sources[index].view, depth: sources[index].depth, target: target))
        }
        var blended = ViewBlending.blend(prepared.values, target: target, depthTolerance: depthTolerance,
                                         angleSoftness: angleSoftness)
        HoleFilling.fill(&blended.image, depth: blended.depth)
        return RenderedView(image: blended.image, confidence: blended.confidence)
    }
}

/// Results of a `concurrentPerform`, one slot per iteration; each iteration writes only its own slot.
final class UnsafeSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    var values: [Value] { slots.map { $0! } }
}

import VantageGeometry
import VantageMedia

/// Baseline: the frame of the source camera closest to the target, shown as it is.
///
/// Rule: among the sources that see the point the target looks at (the point where the sources'
/// optical axes converge; with no such point, e.g. one source, those whose axis is within 90° of the
/// target's), the one with the smallest `‖c_source − c_target‖ / d + ∠(axis_source, axis_target)`,
/// both terms in radians: `d` is the target's distance to that point (the mean distance to the
/// candidates' centres without one), so the first term is about the angle the two centres subtend
/// at the scene. The frame is resized (area average) when its size differs from the target's, and
/// put through the target's lens when it has one; confidence is 1 everywhere.
public struct NearestCameraModel: ViewModel {
    public let name = "nearest"
    private let lens = TargetLens()

    public init() {}

    public func render(_ moment: Moment, target: Camera) throws(SynthesisError) -> RenderedView {
        try TargetValidation.validate(target)
        guard let chosen = Self.nearest(to: target, among: moment.views.map(\.camera)),
              let view = moment.view(named: chosen.name) else {
            throw SynthesisError(.notVisible, "nearest: none of the \(moment.views.count) source cameras sees the point target '\(target.name)' looks at")
        }
        var image = view.image
        if image.width != target.size.width || image.height != target.size.height {
            image = PlanarFloatImage(RGBImage(image).resized(width: target.size.width, height: target.size.height))
        }
        let pinhole = RenderedView(image: image, confidence: [Float](repeating: 1, count: image.width * image.height),
                                   sourceNames: [view.name])
        return lens.deliver(pinhole, to: target)
    }

    /// The source closest to `target` by the rule above; `nil` when no source sees what it looks at.
    public static func nearest(to target: Camera, among sources: [Camera]) -> Camera? {
        let centre = target.centerInWorld
        let candidates: [Camera], scale: Double
        if let convergence = SourceConvergence.point(of: sources, seenFrom: target) {
            guard convergence.depth > 0 else { return nil }
            candidates = sources.filter { source in source.project(convergence.pointInWorld).map { source.contains($0.pixel) } ?? false }
            scale = (convergence.pointInWorld - centre).length
        } else {
            candidates = sources.filter { $0.forwardInWorld.dot(target.forwardInWorld) > 0 }
            scale = candidates.map { ($0.centerInWorld - centre).length }.reduce(0, +) / Double(max(candidates.count, 1))
        }
        func cost(_ source: Camera) -> Double {
            let offset = (source.centerInWorld - centre).length
            return (scale > 0 ? offset / scale : offset) + Rotation.angle(between: source.forwardInWorld, target.forwardInWorld)
        }
        return candidates.min { cost($0) < cost($1) }
    }
}

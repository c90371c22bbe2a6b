import Foundation
import VantageGeometry
import VantageMedia

/// Baseline "depth-free blend": every source reprojected through one plane facing the target and
/// blended with unstructured-lumigraph weights (Buehler et al. 2001).
///
/// The plane is fronto-parallel to the target at `options.planeDepth`, or through the point where
/// the sources' optical axes converge. At each target pixel, the sources that see the pixel's point
/// on the plane are ranked by the angle θ between their ray and the target's; the `k` closest are
/// blended with weights `(1 − θ/θₖ₊₁) / θ` (θₖ₊₁ the next source's angle, or π when there is none),
/// normalized. Pixels no source sees stay black with confidence 0; others have confidence 1. The
/// view names the sources that contributed, by total weight.
public struct PlaneBlendModel: ViewModel {
    public let name = "blend"
    public let options: PlaneBlendOptions
    private let lens = TargetLens()

    public init(options: PlaneBlendOptions = .init()) {
        self.options = options
    }

    public func render(_ moment: Moment, target: Camera) throws(SynthesisError) -> RenderedView {
        try TargetValidation.validate(target)
        try options.validate()
        let sources = moment.views
        guard !sources.isEmpty else {
            throw SynthesisError(.notEnoughSources, "blend: the moment has no source view for target '\(target.name)'")
        }
        let depth: Double
        if let planeDepth = options.planeDepth {
            depth = planeDepth
        } else {
            depth = try convergenceDepth(of: sources.map(\.camera), target: target)
        }
        let pinhole = target.pinholeTwin
        let blended = PlaneBlendKernel(target: pinhole, depth: depth, sources: sources, neighbours: options.neighbours).render()
        guard blended.influence.contains(where: { $0 > 0 }) else {
            throw SynthesisError(.notVisible, "blend: none of the \(sources.count) source cameras sees target '\(target.name)' on the plane at depth \(depth)")
        }
        let contributing = sources.indices.filter { blended.influence[$0] > 0 }.sorted { blended.influence[$0] > blended.influence[$1] }
        return lens.deliver(RenderedView(image: blended.image, confidence: blended.confidence,
                                         sourceNames: contributing.map { sources[$0].name }), to: target)
    }

    /// Depth along the target's axis of the point the sources converge on, which must lie in front of it.
    private func convergenceDepth(of sources: [Camera], target: Camera) throws(SynthesisError) -> Double {
        guard let convergence = SourceConvergence.point(of: sources, seenFrom: target) else {
            throw SynthesisError(.notEnoughSources, "blend: the optical axes of the \(sources.count) source(s) do not converge; give a plane depth for target '\(target.name)'")
        }
        guard convergence.depth > 0 else {
            throw SynthesisError(.notVisible, "blend: target '\(target.name)' faces away from the point the sources look at")
        }
        return convergence.depth
    }
}

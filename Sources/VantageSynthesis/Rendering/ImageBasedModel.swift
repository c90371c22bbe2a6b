import Foundation
import VantageGeometry
import VantageMedia

/// Vantage's view model: picks the sources that saw the target's view from the closest angles,
/// gets their depth (estimated once per camera and moment, cached by the provider), and renders
/// the target with `ImageBasedRenderer`. Targets with lens distortion are rendered as pinholes
/// and resampled through their lens.
public final class ImageBasedModel: ViewModel, @unchecked Sendable {
    public let name = "vantage"
    public let options: ImageBasedModelOptions
    public let bounds: SceneBounds?
    private let depthProvider: any DepthProvider
    private let lens = TargetLens()

    /// A model whose depth comes from `depthProvider`.
    public init(bounds: SceneBounds?, options: ImageBasedModelOptions = .init(), depthProvider: any DepthProvider) throws(SynthesisError) {
        try options.validate()
        self.bounds = bounds
        self.options = options
        self.depthProvider = depthProvider
    }

    public func render(_ moment: Moment, target: Camera) throws(SynthesisError) -> RenderedView {
        try TargetValidation.validate(target)
        let pinholeTarget = target.pinholeTwin
        let sourceCameras = moment.views.map(\.camera)
        guard !sourceCameras.isEmpty else {
            throw SynthesisError(.notEnoughSources, "no source frames at \(moment.captureMicroseconds) µs (missing: \(moment.missingCameras.joined(separator: ", ")))")
        }
        let range = DepthRange.of(pinholeTarget, bounds: bounds, rigCameras: sourceCameras)
        let interest = SourceSelection.pointOfInterest(for: pinholeTarget, sources: sourceCameras, range: range)
        let ranked = SourceSelection.rank(sourceCameras, for: pinholeTarget, pointOfInterest: interest,
                                          count: options.maximumSourceCount)
        guard !ranked.isEmpty else {
            throw SynthesisError(.notVisible, "\(describe(target)): no source camera faces the point it looks at")
        }
        let proxyDepth = Float(pinholeTarget.camFromWorld.apply(interest).z)
        var rendered = try renderWithCoverage(moment, target: pinholeTarget, ranked: ranked, range: range, proxyDepth: proxyDepth)
        guard rendered.confidence.contains(where: { $0 > 0 }) else {
            throw SynthesisError(.notVisible, "\(describe(target)): no source camera sees any of it")
        }
        rendered = lens.deliver(rendered, to: target)
        if !moment.missingCameras.isEmpty {
            // Without the missing cameras' frames every pixel rests on fewer witnesses.
            let share = Float(moment.views.count) / Float(moment.views.count + moment.missingCameras.count)
            rendered.confidence = rendered.confidence.map { $0 * share }
        }
        return rendered
    }

    /// Renders from the best `sourceCount` sources, adding the next ranked ones while too much of
    /// the target is unseen.
    private func renderWithCoverage(_ moment: Moment, target: Camera, ranked: [String], range: DepthRange?,
                                    proxyDepth: Float) throws(SynthesisError) -> RenderedView {
        let renderer = ImageBasedRenderer(depthTolerance: Float(options.depthTolerance), angleSoftness: Float(options.angleSoftness),
                                          groundHeight: options.groundHeight, proxyDepth: proxyDepth > 0 ? proxyDepth : nil)
        func input(_ name: String) throws(SynthesisError) -> (view: SourceView, depth: DepthEstimate) {
            (moment.view(named: name)!, try depthProvider.depth(of: name, in: moment))
        }
        let primaryCount = min(options.sourceCount, ranked.count)
        var primary: [(view: SourceView, depth: DepthEstimate)] = []
        for name in ranked.prefix(primaryCount) { primary.append(try input(name)) }
        var nextIndex = primaryCount
        var (rendered, used) = try renderer.render(target: target, sources: primary, carving: range.map { (moment.views, $0) }, acceptedHoleShare: options.acceptedHoleShare) { () throws(SynthesisError) in
            guard nextIndex < ranked.count else { return nil }
            nextIndex += 1
            return try input(ranked[nextIndex - 1])
        }
        rendered.sourceNames = Array(ranked.prefix(used))
        return rendered
    }

    private func describe(_ target: Camera) -> String { target.name.isEmpty ? "target" : "target '\(target.name)'" }
}

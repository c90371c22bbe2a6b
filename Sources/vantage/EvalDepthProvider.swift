import VantageGeometry
import VantageSynthesis

/// Depth for the "vantage" model in `vantage eval`: plane-sweep stereo of a source against its best
/// partners among the moment's other views, within the rig's bounds (or the range derived from the
/// sources' convergence).
///
/// Deliberately uncached: every held-out camera gives a different moment (the others' views), and a
/// depth estimate cached by camera and time would carry the held-out camera's frame into the next
/// view's render through the stereo match.
struct EvalDepthProvider: DepthProvider {
    let stereo: PlaneSweepDepth
    let bounds: SceneBounds?

    func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate {
        guard let reference = moment.view(named: camera) else {
            throw SynthesisError(.notEnoughSources, "depth: camera '\(camera)' has no frame at \(moment.captureMicroseconds) µs")
        }
        let cameras = moment.views.map(\.camera)
        guard let range = DepthRange.of(reference.camera, bounds: bounds, rigCameras: cameras) else {
            throw SynthesisError(.notEnoughSources, "depth: no depth range for '\(camera)': give the rig bounds")
        }
        let partners = PlaneSweepDepth.neighbours(of: reference.camera, among: cameras, count: stereo.options.neighbourCount)
        return stereo.estimate(reference: reference, neighbours: partners.compactMap(moment.view(named:)), range: range)
    }
}

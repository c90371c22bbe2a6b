import VantageGeometry

/// Depth by plane-sweep stereo against each source's nearest neighbours in the moment, computed
/// once per (camera, neighbours, moment) and kept in a shared `DepthCache`. The neighbours are
/// part of the key, so a held-out camera never leaks into depth computed without it.
public struct StereoDepthProvider: DepthProvider {
    public let estimator: PlaneSweepDepth
    public let cache: DepthCache
    public let bounds: SceneBounds?
    /// The world plane z = h of the ground, offered to every estimate as a hypothesis (`GroundPrior`).
    public let groundHeight: Double?

    public init(bounds: SceneBounds?, groundHeight: Double? = nil, options: DepthOptions = DepthOptions(),
                cache: DepthCache = DepthCache()) throws(SynthesisError) {
        estimator = try PlaneSweepDepth(options: options)
        self.cache = cache
        self.bounds = bounds
        self.groundHeight = groundHeight
    }

    public func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate {
        guard let reference = moment.view(named: camera) else {
            throw SynthesisError(.unreadableFrame, "camera \(camera) has no frame at \(moment.captureMicroseconds) µs")
        }
        let others = moment.views.filter { $0.name != camera }
        guard !others.isEmpty else {
            throw SynthesisError(.notEnoughSources, "camera \(camera): depth needs at least one other camera in the moment")
        }
        let names = PlaneSweepDepth.neighbours(of: reference.camera, among: others.map(\.camera), count: estimator.options.neighbourCount)
        guard let range = DepthRange.of(reference.camera, bounds: bounds, rigCameras: moment.views.map(\.camera)) else {
            throw SynthesisError(.notEnoughSources, "camera \(camera): no depth range (the rig has no bounds and its optical axes do not converge in front of it)")
        }
        let key = camera + "←" + names.joined(separator: ",")
        return try cache.estimate(camera: key, captureMicroseconds: moment.captureMicroseconds) { () throws(SynthesisError) in
            let neighbours = names.compactMap { moment.view(named: $0) }
            let swept = estimator.estimate(reference: reference, neighbours: neighbours, range: range)
            guard let groundHeight else { return swept }
            return GroundPrior.apply(swept, reference: reference, neighbours: neighbours, groundHeight: groundHeight, range: range)
        }
    }
}

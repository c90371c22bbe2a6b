/// Settings of `PlaneBlendModel`.
public struct PlaneBlendOptions: Sendable, Equatable {
    /// Depth of the blending plane along the target's optical axis, in world units; `nil` puts it
    /// through the point where the sources' optical axes converge.
    public var planeDepth: Double?
    /// How many sources are blended at each pixel: those whose rays are closest in angle to the target's.
    public var neighbours: Int

    public init(planeDepth: Double? = nil, neighbours: Int = 4) {
        self.planeDepth = planeDepth
        self.neighbours = neighbours
    }

    public func validate() throws(SynthesisError) {
        if let planeDepth, !(planeDepth > 0 && planeDepth.isFinite) {
            throw SynthesisError(.invalidOptions, "blend: plane depth must be a finite number > 0, got \(planeDepth)")
        }
        guard (1...16).contains(neighbours) else {
            throw SynthesisError(.invalidOptions, "blend: neighbours must be 1...16, got \(neighbours)")
        }
    }
}

/// Settings of `ImageBasedModel`; the CLI and config files fill them.
public struct ImageBasedModelOptions: Sendable, Equatable {
    /// Sources blended for every target (the best by viewing angle).
    public var sourceCount = 4
    /// Extra sources, in rank order, are added while more than `acceptedHoleShare` of the target is
    /// unseen, up to this many in all.
    public var maximumSourceCount = 6
    /// Share of target pixels allowed to stay unseen before another source is added.
    public var acceptedHoleShare = 0.005
    /// Surfaces within this fraction of the front depth are the same surface (blended, not occluded).
    public var depthTolerance = 0.02
    /// Angle, in radians, below which sources weigh about the same; larger blends more softly.
    public var angleSoftness = 0.02
    /// Height of the world plane (z = h, world z up) that holds the ground — a pitch, a floor —
    /// offered as a surface wherever the sources' depths disagree; `nil` when the scene has none.
    public var groundHeight: Double? = 0

    public init() {}

    public func validate() throws(SynthesisError) {
        if let groundHeight, !groundHeight.isFinite {
            throw SynthesisError(.invalidOptions, "groundHeight must be finite, got \(groundHeight)")
        }
        guard sourceCount >= 1 else { throw SynthesisError(.invalidOptions, "sourceCount must be at least 1, got \(sourceCount)") }
        guard maximumSourceCount >= sourceCount else {
            throw SynthesisError(.invalidOptions, "maximumSourceCount (\(maximumSourceCount)) must be at least sourceCount (\(sourceCount))")
        }
        guard (0...1).contains(acceptedHoleShare) else {
            throw SynthesisError(.invalidOptions, "acceptedHoleShare must be within 0...1, got \(acceptedHoleShare)")
        }
        guard depthTolerance > 0 && depthTolerance < 1 else {
            throw SynthesisError(.invalidOptions, "depthTolerance must be within (0, 1), got \(depthTolerance)")
        }
        guard angleSoftness > 0 && angleSoftness.isFinite else {
            throw SynthesisError(.invalidOptions, "angleSoftness must be positive, got \(angleSoftness)")
        }
    }
}

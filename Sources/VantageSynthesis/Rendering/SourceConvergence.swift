import VantageGeometry

/// The point the source cameras aim at, as seen from a target.
enum SourceConvergence {
    /// The least-squares meeting point of the sources' optical axes and its depth along the target's
    /// optical axis (negative behind the target); `nil` when the axes do not meet (fewer than two, parallel).
    static func point(of sources: [Camera], seenFrom target: Camera) -> (pointInWorld: Vector3, depth: Double)? {
        guard let convergence = AxisConvergence(cameras: sources) else { return nil }
        return (convergence.pointInWorld, target.camFromWorld.apply(convergence.pointInWorld).z)
    }
}

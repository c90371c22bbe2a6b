import Foundation
import VantageGeometry

/// Ranks source cameras for a target: by the angle under which each sees the target's point of
/// interest compared with the target, plus a penalty for seeing it from a very different distance
/// (lower or higher resolution). Scores change continuously with the target pose, so the chosen
/// set and the weights move smoothly as the virtual camera flies.
enum SourceSelection {
    /// Names of up to `count` sources, best first. `pointOfInterest` is a world point the target looks at.
    static func rank(_ sources: [Camera], for target: Camera, pointOfInterest: Vector3, count: Int) -> [String] {
        let targetDirection = pointOfInterest - target.centerInWorld
        let targetDistance = targetDirection.length
        let scored = sources.compactMap { source -> (String, Double)? in
            let sourceDirection = pointOfInterest - source.centerInWorld
            guard sourceDirection.dot(source.forwardInWorld) > 0 else { return nil }
            let angle = Rotation.angle(between: targetDirection, sourceDirection)
            let distanceRatio = sourceDirection.length / max(targetDistance, 1e-9)
            return (source.name, angle + 0.25 * abs(log(distanceRatio)))
        }
        return scored.sorted { $0.1 < $1.1 }.prefix(count).map { $0.0 }
    }

    /// The point the target looks at: on its optical axis, as far away as the sources' axes
    /// converge (or the middle of `range` when they do not).
    static func pointOfInterest(for target: Camera, sources: [Camera], range: DepthRange?) -> Vector3 {
        var depth = range.map { 2 / (1 / $0.near + 1 / $0.far) } ?? 1
        if let convergence = SourceConvergence.point(of: sources, seenFrom: target), convergence.depth > 0 {
            depth = convergence.depth
        }
        return target.centerInWorld + target.forwardInWorld * depth
    }
}

/// Camera positions between keyframes: a cubic Hermite curve through every keyframe whose
/// tangents are those of the **centripetal Catmull–Rom** spline (knot spacing = √distance,
/// Barry–Goldman; no cusps or self-intersections within a segment), expressed as velocities in
/// metres per second so that the velocity is the same on both sides of each keyframe (C1 in time).
///
/// At an interior keyframe i the centripetal tangent, per unit of knot parameter, is
/// `m = (Pᵢ − Pᵢ₋₁)/dᵢ₋₁ − (Pᵢ₊₁ − Pᵢ₋₁)/(dᵢ₋₁ + dᵢ) + (Pᵢ₊₁ − Pᵢ)/dᵢ` with knot intervals
/// `d = |ΔP|^½`; its velocity is `m · (dᵢ₋₁ + dᵢ)/(τᵢ₊₁ − τᵢ₋₁)` with keyframe times τ — exactly
/// the centripetal curve when keyframe times are proportional to the knots, and a C1 curve of the
/// same shape otherwise. The end segments are quadratic (Bessel's end condition: the first
/// keyframe's velocity is `2·ΔP/Δτ − v₁`, the mirror image of the second keyframe's about the
/// chord), so an arc of a circle stays one at its ends; a two-keyframe path is a straight line at
/// constant speed. A keyframe at the same place as its neighbour gets (almost) zero velocity: the
/// camera comes to rest there rather than overshooting.
struct PositionSpline: Sendable {
    let points: [Vector3]
    let times: [Double]
    /// Velocity at each keyframe in metres per second.
    let velocities: [Vector3]

    init(points: [Vector3], times: [Double]) {
        precondition(points.count >= 2 && points.count == times.count, "a position spline needs two keyframes")
        self.points = points
        self.times = times
        let last = points.count - 1
        // √distance knot intervals; a tiny floor keeps coincident keyframes finite.
        let knots: [Double] = (0..<last).map { max((points[$0 + 1] - points[$0]).length.squareRoot(), 1e-9) }
        let interior: [Vector3] = (0...last).map { i -> Vector3 in
            guard i > 0, i < last else { return .zero }
            return Self.velocity(points[i - 1], points[i], points[i + 1], knots[i - 1], knots[i], times[i + 1] - times[i - 1])
        }
        let firstChord: Vector3 = (points[1] - points[0]) / (times[1] - times[0])
        let lastChord: Vector3 = (points[last] - points[last - 1]) / (times[last] - times[last - 1])
        var velocities = interior
        velocities[0] = last == 1 ? firstChord : 2 * firstChord - interior[1]
        velocities[last] = last == 1 ? lastChord : 2 * lastChord - interior[last - 1]
        self.velocities = velocities
    }

    /// The centripetal tangent at `p` between `before` and `after` (knot intervals `d0`, `d1`)
    /// as a velocity, for keyframes `span` seconds apart around it.
    private static func velocity(_ before: Vector3, _ p: Vector3, _ after: Vector3, _ d0: Double, _ d1: Double,
                                 _ span: Double) -> Vector3 {
        let incoming: Vector3 = (p - before) / d0
        let across: Vector3 = (after - before) / (d0 + d1)
        let outgoing: Vector3 = (after - p) / d1
        let tangent: Vector3 = incoming - across + outgoing
        return tangent * ((d0 + d1) / span)
    }

    /// The position in segment `segment` at local parameter `u` ∈ [0, 1] (time τ = τᵢ + u·Δτ).
    func position(segment i: Int, u: Double) -> Vector3 { evaluate(HermiteBasis(u), segment: i) }

    /// d position / du in segment `segment` at `u` (metres per unit of u).
    func derivative(segment i: Int, u: Double) -> Vector3 { evaluate(HermiteBasis(derivativeAt: u), segment: i) }

    private func evaluate(_ basis: HermiteBasis, segment i: Int) -> Vector3 {
        let span = times[i + 1] - times[i]
        return basis.value(points[i], velocities[i] * span, points[i + 1], velocities[i + 1] * span)
    }
}

/// Interpolates keyframe orientations (unit quaternions) segment by segment: SLERP (constant
/// angular velocity within a segment) or SQUAD (Shoemake's spherical cubic, whose angular
/// velocity is continuous across keyframes when they are evenly spaced).
///
/// Each keyframe's quaternion is first flipped, if needed, into the same hemisphere as the one
/// before it (`q` and `−q` are the same rotation), so every segment turns the short way.
struct OrientationSpline: Sendable {
    let keys: [Quaternion]
    /// SQUAD's inner control quaternions, one per keyframe; empty for SLERP.
    private let controls: [Quaternion]

    init(_ rotations: [Quaternion], method: PathInterpolation.Orientation) {
        precondition(rotations.count >= 2, "an orientation spline needs two keyframes")
        var keys = rotations.map(\.normalized)
        for i in keys.indices.dropFirst() where keys[i].dot(keys[i - 1]) < 0 { keys[i] = -keys[i] }
        self.keys = keys
        switch method {
        case .slerp: controls = []
        case .squad:
            controls = keys.indices.map { i in
                guard i > 0, i < keys.count - 1 else { return keys[i] }
                let inverse = keys[i].conjugate
                let sum = (inverse * keys[i + 1]).log + (inverse * keys[i - 1]).log
                return keys[i] * (sum * -0.25).exp
            }
        }
    }

    /// The orientation in segment `segment` (from keyframe `segment` to `segment + 1`) at local
    /// parameter `u` ∈ [0, 1]; a unit quaternion, exactly the keyframe's at u = 0 and u = 1.
    func orientation(segment: Int, u: Double) -> Quaternion {
        let a = keys[segment], b = keys[segment + 1]
        guard !controls.isEmpty else { return Quaternion.slerp(a, b, u) }
        return Quaternion.slerp(Quaternion.slerp(a, b, u), Quaternion.slerp(controls[segment], controls[segment + 1], u),
                                2 * u * (1 - u))
    }
}

/// The cubic Hermite basis on u ∈ [0, 1]: a segment from value p0 to p1 with tangents m0, m1
/// (per unit of u) is `h00·p0 + h10·m0 + h01·p1 + h11·m1`. Since h00 + h01 = 1 it is evaluated as
/// `p0 + h01·(p1 − p0) + h10·m0 + h11·m1`, so that a segment between equal values with zero
/// tangents stays exactly at that value. At u = 0 it is exactly p0, at u = 1 p1 (to rounding);
/// its derivative there is m0 and m1.
struct HermiteBasis {
    /// The weight of p0 beyond `h01·(p1 − p0)`: 1 for values, 0 for derivatives (whose h00 + h01 = 0).
    let p0Weight: Double
    let h10: Double, h01: Double, h11: Double

    init(_ u: Double) {
        let u2 = u * u, u3 = u2 * u
        p0Weight = 1
        h10 = u3 - 2 * u2 + u
        h01 = -2 * u3 + 3 * u2
        h11 = u3 - u2
    }

    /// The basis of the derivative with respect to u.
    init(derivativeAt u: Double) {
        let u2 = u * u
        p0Weight = 0
        h10 = 3 * u2 - 4 * u + 1
        h01 = -6 * u2 + 6 * u
        h11 = 3 * u2 - 2 * u
    }

    func value(_ p0: Vector3, _ m0: Vector3, _ p1: Vector3, _ m1: Vector3) -> Vector3 {
        p0Weight * p0 + h01 * (p1 - p0) + h10 * m0 + h11 * m1
    }

    func value(_ p0: Double, _ m0: Double, _ p1: Double, _ m1: Double) -> Double {
        p0Weight * p0 + h01 * (p1 - p0) + h10 * m0 + h11 * m1
    }
}

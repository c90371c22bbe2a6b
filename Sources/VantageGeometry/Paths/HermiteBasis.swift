/// The cubic Hermite basis on u ∈ [0, 1]: a segment from value p0 to p1 with tangents m0, m1
/// (per unit of u) is `h00·p0 + h10·m0 + h01·p1 + h11·m1`. At u = 0 it is exactly p0, at u = 1
/// exactly p1; its derivative there is m0 and m1.
struct HermiteBasis {
    let h00: Double, h10: Double, h01: Double, h11: Double

    init(_ u: Double) {
        let u2 = u * u, u3 = u2 * u
        h00 = 2 * u3 - 3 * u2 + 1
        h10 = u3 - 2 * u2 + u
        h01 = -2 * u3 + 3 * u2
        h11 = u3 - u2
    }

    /// The basis of the derivative with respect to u.
    init(derivativeAt u: Double) {
        let u2 = u * u
        h00 = 6 * u2 - 6 * u
        h10 = 3 * u2 - 4 * u + 1
        h01 = -6 * u2 + 6 * u
        h11 = 3 * u2 - 2 * u
    }

    func value(_ p0: Vector3, _ m0: Vector3, _ p1: Vector3, _ m1: Vector3) -> Vector3 {
        h00 * p0 + h10 * m0 + h01 * p1 + h11 * m1
    }

    func value(_ p0: Double, _ m0: Double, _ p1: Double, _ m1: Double) -> Double {
        h00 * p0 + h10 * m0 + h01 * p1 + h11 * m1
    }
}

import VantageGeometry

/// Where a reference pixel lands in a neighbour for a given inverse depth (1/z in the reference
/// camera): with the reference pixel p = (x, y, 1) and w = 1/z, the neighbour sees it at the
/// homogeneous point `A·p + w·b`, where `A = K_n·R·K_r⁻¹` and `b = K_n·t` (R, t: neighbour from
/// reference). Linear in w, so a whole fronto-parallel plane is one homography.
struct PlaneProjection: Sendable {
    /// Rows of A, then b, as Float for the inner loops.
    let a0: SIMD3<Float>, a1: SIMD3<Float>, a2: SIMD3<Float>
    let b: SIMD3<Float>

    init(reference: Camera, neighbour: Camera) {
        let neighbourFromReference = neighbour.camFromWorld ∘ reference.camFromWorld.inverse
        let r = neighbourFromReference.rotation, t = neighbourFromReference.translation
        let kn = Self.matrix(neighbour.intrinsics), krInverse = Self.inverseMatrix(reference.intrinsics)
        let a = kn * r * krInverse, bt = kn * t
        a0 = SIMD3<Float>(a.rows.0); a1 = SIMD3<Float>(a.rows.1); a2 = SIMD3<Float>(a.rows.2)
        b = SIMD3<Float>(bt)
    }

    /// Neighbour pixel of reference pixel (x, y) at inverse depth w; `nil` behind the neighbour.
    @inline(__always)
    func project(x: Float, y: Float, inverseDepth w: Float) -> SIMD2<Float>? {
        let hz = a2.x * x + a2.y * y + a2.z + w * b.z
        guard hz > 1e-6 else { return nil }
        let hx = a0.x * x + a0.y * y + a0.z + w * b.x, hy = a1.x * x + a1.y * y + a1.z + w * b.y
        return SIMD2(hx / hz, hy / hz)
    }

    static func matrix(_ k: Intrinsics) -> Matrix3 {
        Matrix3(rows: [k.fx, k.skew, k.cx], [0, k.fy, k.cy], [0, 0, 1])
    }

    static func inverseMatrix(_ k: Intrinsics) -> Matrix3 {
        Matrix3(rows: [1 / k.fx, -k.skew / (k.fx * k.fy), (k.skew * k.cy - k.cx * k.fy) / (k.fx * k.fy)],
                [0, 1 / k.fy, -k.cy / k.fy], [0, 0, 1])
    }
}

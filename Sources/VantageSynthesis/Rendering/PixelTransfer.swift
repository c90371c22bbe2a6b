import VantageGeometry

/// Moves pixels with depth from one pinhole camera to another:
/// `(x, y, d)·(to) ∝ d·A·(u, v, 1) + b`, with `A = K_to·R·K_from⁻¹` and `b = K_to·t` for the
/// relative pose `toFromFrom = (R, t)`. The third component is the depth in the `to` camera.
/// Single precision: this is the inner loop of warping and blending.
struct PixelTransfer: Sendable {
    let row0: SIMD3<Float>, row1: SIMD3<Float>, row2: SIMD3<Float>
    let offset: SIMD3<Float>

    init(from source: Camera, to destination: Camera) {
        precondition(source.distortion.isNone && destination.distortion.isNone, "PixelTransfer needs pinhole cameras")
        let toFromFrom = destination.camFromWorld ∘ source.worldFromCam
        let a = Self.calibration(destination) * toFromFrom.rotation * Self.inverseCalibration(source)
        let b = Self.calibration(destination) * toFromFrom.translation
        row0 = SIMD3<Float>(a.rows.0)
        row1 = SIMD3<Float>(a.rows.1)
        row2 = SIMD3<Float>(a.rows.2)
        offset = SIMD3<Float>(b)
    }

    /// Pixel and depth in the destination of source pixel (u, v) at source depth `depth`;
    /// the returned depth is ≤ 0 for points behind the destination camera.
    @inline(__always)
    func apply(_ u: Float, _ v: Float, depth: Float) -> (x: Float, y: Float, depth: Float) {
        let ray = SIMD3<Float>(u, v, 1)
        let h = SIMD3<Float>((row0 * ray).sum(), (row1 * ray).sum(), (row2 * ray).sum()) * depth + offset
        return (h.x / h.z, h.y / h.z, h.z)
    }

    /// Destination pixel of the point infinitely far along source pixel (u, v)'s ray (the backdrop);
    /// `nil` when that direction points behind the destination camera.
    @inline(__always)
    func applyAtInfinity(_ u: Float, _ v: Float) -> (x: Float, y: Float)? {
        let ray = SIMD3<Float>(u, v, 1)
        let w = (row2 * ray).sum()
        guard w > 0 else { return nil }
        return ((row0 * ray).sum() / w, (row1 * ray).sum() / w)
    }

    static func calibration(_ camera: Camera) -> Matrix3 {
        let k = camera.intrinsics
        return Matrix3(rows: [k.fx, k.skew, k.cx], [0, k.fy, k.cy], [0, 0, 1])
    }

    static func inverseCalibration(_ camera: Camera) -> Matrix3 {
        let k = camera.intrinsics
        let skewTerm = k.skew / (k.fx * k.fy)
        return Matrix3(rows: [1 / k.fx, -skewTerm, (k.skew * k.cy - k.cx * k.fy) / (k.fx * k.fy)],
                       [0, 1 / k.fy, -k.cy / k.fy], [0, 0, 1])
    }
}

extension PixelTransfer {
    /// Where the ray through target pixel (x, y) meets the source's depth surface, starting from
    /// the splatted depth `depth`: the splat holds the depth of a source pixel near the ray, not on
    /// it, which on slanted surfaces (a pitch seen at a grazing angle) shifts the fetch by up to a
    /// pixel. A fixed-point step and a secant step on f(z) = (depth the source would see at z) − (source depth map where
    /// z lands); a step that leaves ±3 % of the splatted depth (a depth edge) is not taken.
    /// Returns the source pixel.
    @inline(__always)
    func onSurface(x: Float, y: Float, depth: Float, surface: UnsafePointer<Float>, width: Int, height: Int) -> (x: Float, y: Float) {
        let start = apply(x, y, depth: depth)
        guard let startSurface = Self.bilinear(surface, at: start.x, start.y, width: width, height: height) else {
            return (start.x, start.y)
        }
        let depthPerTargetDepth = (row2 * SIMD3<Float>(x, y, 1)).sum()
        guard depthPerTargetDepth > 0 else { return (start.x, start.y) }
        var (z0, f0) = (depth, start.depth - startSurface)
        // First step as if the surface were fronto-parallel to the source, then secant steps.
        var z1 = depth - f0 / depthPerTargetDepth
        var best = (start.x, start.y)
        for _ in 0..<2 {
            guard abs(z1 - depth) < 0.03 * depth else { break }
            let p = apply(x, y, depth: z1)
            guard let surfaceDepth = Self.bilinear(surface, at: p.x, p.y, width: width, height: height) else { break }
            best = (p.x, p.y)
            let f1 = p.depth - surfaceDepth
            guard abs(f1 - f0) > 1e-9 * depth else { break }
            (z0, f0, z1) = (z1, f1, z1 - f1 * (z1 - z0) / (f1 - f0))
        }
        return best
    }

    /// Bilinear value of a row-major plane at (x, y); `nil` off the plane or next to an unknown value.
    @inline(__always)
    static func bilinear(_ p: UnsafePointer<Float>, at x: Float, _ y: Float, width: Int, height: Int) -> Float? {
        guard x >= 0, y >= 0, x <= Float(width - 1), y <= Float(height - 1) else { return nil }
        let x0 = min(Int(x), max(width &- 2, 0)), y0 = min(Int(y), max(height &- 2, 0))
        let x1 = min(x0 &+ 1, width &- 1), y1 = min(y0 &+ 1, height &- 1)
        let fx = x - Float(x0), fy = y - Float(y0)
        let value = (p[y0 &* width &+ x0] * (1 - fx) + p[y0 &* width &+ x1] * fx) * (1 - fy)
            + (p[y1 &* width &+ x0] * (1 - fx) + p[y1 &* width &+ x1] * fx) * fy
        return value.isFinite ? value : nil
    }
}

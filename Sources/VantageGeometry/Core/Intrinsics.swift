import Foundation

/// Pinhole intrinsics in pixels: `u = fx·x + skew·y + cx`, `v = fy·y + cy` for a normalized
/// (distorted) image-plane point (x, y). See `Camera` for the pixel-centre convention.
public struct Intrinsics: Equatable, Sendable, Codable {
    public var fx: Double
    public var fy: Double
    public var cx: Double
    public var cy: Double
    public var skew: Double

    public init(fx: Double, fy: Double, cx: Double, cy: Double, skew: Double = 0) {
        self.fx = fx; self.fy = fy; self.cx = cx; self.cy = cy; self.skew = skew
    }

    /// Square pixels, principal point at the image centre, focal length from a horizontal field of view.
    public init(horizontalFieldOfView fov: Double, size: ImageSize) {
        let f = Double(size.width) / 2 / tan(fov / 2)
        self.init(fx: f, fy: f, cx: Double(size.width - 1) / 2, cy: Double(size.height - 1) / 2)
    }

    /// Horizontal field of view in radians for an image of `width` pixels.
    public func horizontalFieldOfView(width: Int) -> Double { 2 * atan(Double(width) / 2 / fx) }
}

/// OpenCV's radial-tangential distortion (k1, k2, p1, p2, k3), applied to normalized coordinates.
public struct Distortion: Equatable, Sendable, Codable {
    public var k1: Double
    public var k2: Double
    public var p1: Double
    public var p2: Double
    public var k3: Double

    public init(k1: Double = 0, k2: Double = 0, p1: Double = 0, p2: Double = 0, k3: Double = 0) {
        self.k1 = k1; self.k2 = k2; self.p1 = p1; self.p2 = p2; self.k3 = k3
    }

    public static let none = Distortion()

    /// In OpenCV's order: k1, k2, p1, p2, k3.
    public var coefficients: [Double] { [k1, k2, p1, p2, k3] }

    public var isNone: Bool { self == .none }

    /// Maps an undistorted normalized point to where the lens puts it.
    public func distort(_ p: Vector2) -> Vector2 {
        if isNone { return p }
        let r2 = p.x * p.x + p.y * p.y
        let radial = 1 + r2 * (k1 + r2 * (k2 + r2 * k3))
        let xy = p.x * p.y
        return Vector2(p.x * radial + 2 * p1 * xy + p2 * (r2 + 2 * p.x * p.x),
                       p.y * radial + p1 * (r2 + 2 * p.y * p.y) + 2 * p2 * xy)
    }

    /// Inverse of `distort`, by Gauss–Newton iteration from the distorted point; `nil` if it does
    /// not converge (a point beyond the lens model's valid field).
    public func undistort(_ distorted: Vector2) -> Vector2? {
        if isNone { return distorted }
        var p = distorted
        for _ in 0..<30 {
            let residual = distort(p) - distorted
            if residual.length < 1e-12 { return p }
            // Numerical Jacobian of distort at p.
            let h = 1e-7
            let dx = (distort(p + Vector2(h, 0)) - distort(p)) / h
            let dy = (distort(p + Vector2(0, h)) - distort(p)) / h
            let det = dx.x * dy.y - dy.x * dx.y
            guard det.isFinite, abs(det) > 1e-12 else { return nil }
            p -= Vector2(dy.y * residual.x - dy.x * residual.y, -dx.y * residual.x + dx.x * residual.y) / det
            guard p.x.isFinite, p.y.isFinite else { return nil }
        }
        return (distort(p) - distorted).length < 1e-9 ? p : nil
    }
}

/// An image size in pixels.
public struct ImageSize: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) { self.width = width; self.height = height }

    public var description: String { "\(width)×\(height)" }

    /// Parses `WxH` (or `W×H`), e.g. `1280x720`.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        self.init(width: w, height: h)
    }
}


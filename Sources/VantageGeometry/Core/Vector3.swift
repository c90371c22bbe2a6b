/// A point or direction in 3D, in the frame its variable name states (`centerInWorld`, `rayInCam`).
public typealias Vector3 = SIMD3<Double>

/// A pixel position or a normalized image-plane position.
public typealias Vector2 = SIMD2<Double>

extension SIMD3 where Scalar == Double {
    @inlinable public func dot(_ other: Vector3) -> Double { (self * other).sum() }

    @inlinable public func cross(_ other: Vector3) -> Vector3 {
        Vector3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x)
    }

    @inlinable public var length: Double { dot(self).squareRoot() }

    @inlinable public var normalized: Vector3 { self / length }

    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite && z.isFinite }
}

extension SIMD2 where Scalar == Double {
    @inlinable public var length: Double { (x * x + y * y).squareRoot() }
}

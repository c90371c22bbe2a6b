import Foundation

/// A quaternion `w + x·i + y·j + z·k`; unit quaternions are rotations. In files it is the array
/// `[w, x, y, z]` (scalar first, as `Rotation.quaternion(of:)` returns it).
public struct Quaternion: Equatable, Sendable, Codable {
    public var w: Double
    public var x: Double
    public var y: Double
    public var z: Double

    public init(w: Double, x: Double, y: Double, z: Double) {
        self.w = w; self.x = x; self.y = y; self.z = z
    }

    /// The unit quaternion (w ≥ 0) of a rotation matrix.
    public init(_ rotation: Matrix3) {
        let q = Rotation.quaternion(of: rotation)
        self.init(w: q.w, x: q.x, y: q.y, z: q.z)
    }

    /// The rotation matrix of this quaternion (normalized first).
    public var matrix: Matrix3 { Rotation.fromQuaternion(w: w, x: x, y: y, z: z) }

    public var norm: Double { dot(self).squareRoot() }

    public var normalized: Quaternion { self * (1 / norm) }

    public var isFinite: Bool { w.isFinite && x.isFinite && y.isFinite && z.isFinite }

    public var conjugate: Quaternion { Quaternion(w: w, x: -x, y: -y, z: -z) }

    public func dot(_ other: Quaternion) -> Double { w * other.w + x * other.x + y * other.y + z * other.z }

    public static prefix func - (q: Quaternion) -> Quaternion { Quaternion(w: -q.w, x: -q.x, y: -q.y, z: -q.z) }

    public static func + (a: Quaternion, b: Quaternion) -> Quaternion {
        Quaternion(w: a.w + b.w, x: a.x + b.x, y: a.y + b.y, z: a.z + b.z)
    }

    public static func * (q: Quaternion, s: Double) -> Quaternion { Quaternion(w: q.w * s, x: q.x * s, y: q.y * s, z: q.z * s) }

    /// The Hamilton product: the rotation `b` followed by `a`.
    public static func * (a: Quaternion, b: Quaternion) -> Quaternion {
        Quaternion(w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
                   x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
                   y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
                   z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }

    /// Logarithm of a unit quaternion: the pure quaternion (0, θ/2 · axis).
    public var log: Quaternion {
        let vectorLength = (x * x + y * y + z * z).squareRoot()
        guard vectorLength > 1e-15 else { return Quaternion(w: 0, x: 0, y: 0, z: 0) }
        let scale = atan2(vectorLength, w) / vectorLength
        return Quaternion(w: 0, x: x * scale, y: y * scale, z: z * scale)
    }

    /// Exponential of a pure quaternion (w ignored): a unit quaternion.
    public var exp: Quaternion {
        let angle = (x * x + y * y + z * z).squareRoot()
        guard angle > 1e-15 else { return Quaternion(w: 1, x: x, y: y, z: z).normalized }
        let scale = sin(angle) / angle
        return Quaternion(w: cos(angle), x: x * scale, y: y * scale, z: z * scale)
    }

    /// Spherical linear interpolation from `a` (u = 0) to `b` (u = 1) along the great arc
    /// between the two quaternions as given: for the shortest rotation, negate `b` first when
    /// `a.dot(b) < 0` (`OrientationSpline` does); `a` and `b` must not be opposite (the arc between
    /// them is then undefined). Returns `a` at u = 0 and `b` at u = 1; nearly equal quaternions
    /// are blended linearly and renormalized.
    public static func slerp(_ a: Quaternion, _ b: Quaternion, _ u: Double) -> Quaternion {
        let cosine = min(max(a.dot(b), -1), 1)
        let angle = acos(cosine)
        guard sin(angle) > 1e-9 else { return (a * (1 - u) + b * u).normalized }
        return a * (sin((1 - u) * angle) / sin(angle)) + b * (sin(u * angle) / sin(angle))
    }
}

extension Quaternion {
    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var values: [Double] = []
        while !container.isAtEnd { values.append(try container.decode(Double.self)) }
        guard values.count == 4 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected 4 numbers [w, x, y, z], found \(values.count)"))
        }
        self.init(w: values[0], x: values[1], y: values[2], z: values[3])
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(contentsOf: [w, x, y, z])
    }
}

import Foundation

/// Elementary right-handed rotations (angles in radians) and conversions between
/// rotation matrices and unit quaternions.
public enum Rotation {
    /// Rotation by `angle` about the x axis (y turns towards z).
    public static func aboutX(_ angle: Double) -> Matrix3 {
        let c = cos(angle), s = sin(angle)
        return Matrix3(rows: [1, 0, 0], [0, c, -s], [0, s, c])
    }

    /// Rotation by `angle` about the y axis (z turns towards x).
    public static func aboutY(_ angle: Double) -> Matrix3 {
        let c = cos(angle), s = sin(angle)
        return Matrix3(rows: [c, 0, s], [0, 1, 0], [-s, 0, c])
    }

    /// Rotation by `angle` about the z axis (x turns towards y).
    public static func aboutZ(_ angle: Double) -> Matrix3 {
        let c = cos(angle), s = sin(angle)
        return Matrix3(rows: [c, -s, 0], [s, c, 0], [0, 0, 1])
    }

    /// The rotation of a unit quaternion given as (w, x, y, z); the quaternion is normalized first.
    public static func fromQuaternion(w: Double, x: Double, y: Double, z: Double) -> Matrix3 {
        let n = (w * w + x * x + y * y + z * z).squareRoot()
        let (w, x, y, z) = (w / n, x / n, y / n, z / n)
        return Matrix3(
            rows: [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
            [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
            [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)])
    }

    /// The unit quaternion (w, x, y, z) with w ≥ 0 of a rotation matrix (Shepperd's method).
    public static func quaternion(of m: Matrix3) -> (w: Double, x: Double, y: Double, z: Double) {
        let trace = m[0, 0] + m[1, 1] + m[2, 2]
        var q: (w: Double, x: Double, y: Double, z: Double)
        if trace > 0 {
            let s = (trace + 1).squareRoot() * 2
            q = (0.25 * s, (m[2, 1] - m[1, 2]) / s, (m[0, 2] - m[2, 0]) / s, (m[1, 0] - m[0, 1]) / s)
        } else if m[0, 0] > m[1, 1] && m[0, 0] > m[2, 2] {
            let s = (1 + m[0, 0] - m[1, 1] - m[2, 2]).squareRoot() * 2
            q = ((m[2, 1] - m[1, 2]) / s, 0.25 * s, (m[0, 1] + m[1, 0]) / s, (m[0, 2] + m[2, 0]) / s)
        } else if m[1, 1] > m[2, 2] {
            let s = (1 + m[1, 1] - m[0, 0] - m[2, 2]).squareRoot() * 2
            q = ((m[0, 2] - m[2, 0]) / s, (m[0, 1] + m[1, 0]) / s, 0.25 * s, (m[1, 2] + m[2, 1]) / s)
        } else {
            let s = (1 + m[2, 2] - m[0, 0] - m[1, 1]).squareRoot() * 2
            q = ((m[1, 0] - m[0, 1]) / s, (m[0, 2] + m[2, 0]) / s, (m[1, 2] + m[2, 1]) / s, 0.25 * s)
        }
        return q.w < 0 ? (-q.w, -q.x, -q.y, -q.z) : q
    }

    /// Angle in radians between two directions.
    public static func angle(between a: Vector3, _ b: Vector3) -> Double {
        atan2(a.cross(b).length, a.dot(b))
    }
}

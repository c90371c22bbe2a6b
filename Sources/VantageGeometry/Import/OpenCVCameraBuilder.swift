import Foundation

/// Builds a `Camera` from OpenCV calibration values — camera matrix K, distortion coefficients
/// (k1, k2, p1, p2[, k3, …]), rotation R (3×3 or a Rodrigues vector) and translation t with
/// `x_cam = R·x_world + t` — read as `JSONField`s, so errors name the file and the field.
///
/// OpenCV's pixel convention is Vantage's (top-left pixel centre at (0, 0)): no shift.
enum OpenCVCameraBuilder {
    static func camera(name: String, size: ImageSize, sizePlace: String, matrix: JSONField,
                       distortion: JSONField?, rotation: JSONField, translation: JSONField) throws -> Camera {
        let camera = Camera(
            name: name, size: size, intrinsics: try intrinsics(matrix),
            distortion: try distortion.map(self.distortion) ?? .none,
            camFromWorld: RigidTransform(rotation: try self.rotation(rotation), translation: try vector3(translation)))
        return try checked(camera, source: matrix.source) { part in
            switch part {
            case .name: return "camera name"
            case .size: return sizePlace
            case .intrinsics: return matrix.path
            case .distortion: return distortion?.path ?? matrix.path
            case .rotation: return rotation.path
            case .translation: return translation.path
            }
        }
    }

    /// Intrinsics from K = [[fx, skew, cx], [0, fy, cy], [0, 0, 1]].
    static func intrinsics(_ field: JSONField) throws -> Intrinsics {
        let k = try OpenCVMatrix(field)
        guard k.rows == 3, k.columns == 3 else { throw field.error("expected a 3×3 camera matrix, found \(k.rows)×\(k.columns)") }
        let v = k.values
        guard v[3] == 0, v[6] == 0, v[7] == 0, v[8] == 1 else {
            throw field.error("expected a camera matrix [[fx, s, cx], [0, fy, cy], [0, 0, 1]], found \(v)")
        }
        return Intrinsics(fx: v[0], fy: v[4], cx: v[2], cy: v[5], skew: v[1])
    }

    /// Distortion from OpenCV's coefficient list; terms beyond k3 (rational, thin prism, tilt)
    /// have no place in Vantage's model and must be zero.
    static func distortion(_ field: JSONField) throws -> Distortion {
        let d = try OpenCVMatrix(field).values
        guard [0, 4, 5, 8, 12, 14].contains(d.count) else {
            throw field.error("expected 4, 5, 8, 12 or 14 distortion coefficients (k1, k2, p1, p2, k3, …), found \(d.count)")
        }
        guard d.dropFirst(5).allSatisfy({ $0 == 0 }) else {
            throw field.error("only k1, k2, p1, p2, k3 are supported; found nonzero higher-order terms \(Array(d.dropFirst(5)))")
        }
        let term = { (i: Int) in i < d.count ? d[i] : 0 }
        return Distortion(k1: term(0), k2: term(1), p1: term(2), p2: term(3), k3: term(4))
    }

    /// A 3×3 rotation matrix, or a rotation from a 3-element Rodrigues (axis × angle) vector.
    static func rotation(_ field: JSONField) throws -> Matrix3 {
        let r = try OpenCVMatrix(field)
        if r.values.count == 3 { return rodrigues(Vector3(r.values[0], r.values[1], r.values[2])) }
        guard r.rows == 3, r.columns == 3 else {
            throw field.error("expected a 3×3 rotation matrix or a 3-element Rodrigues vector, found \(r.rows)×\(r.columns)")
        }
        return Matrix3([Array(r.values[0..<3]), Array(r.values[3..<6]), Array(r.values[6..<9])])!
    }

    static func vector3(_ field: JSONField) throws -> Vector3 {
        let v = try OpenCVMatrix(field).values
        guard v.count == 3 else { throw field.error("expected 3 numbers, found \(v.count)") }
        return Vector3(v[0], v[1], v[2])
    }

    /// The rotation by `|v|` radians about `v`'s direction (Rodrigues' formula).
    static func rodrigues(_ v: Vector3) -> Matrix3 {
        let angle = v.length
        guard angle > 1e-15 else { return .identity }
        let a = v / angle, c = cos(angle), s = sin(angle), C = 1 - c
        return Matrix3(rows: [c + a.x * a.x * C, a.x * a.y * C - a.z * s, a.x * a.z * C + a.y * s],
                       [a.y * a.x * C + a.z * s, c + a.y * a.y * C, a.y * a.z * C - a.x * s],
                       [a.z * a.x * C - a.y * s, a.z * a.y * C + a.x * s, c + a.z * a.z * C])
    }
}

/// A matrix as OpenCV-related files write it: nested rows (`[[…], […]]`), a flat list (a column
/// vector), or an OpenCV FileStorage matrix `{rows, cols, dt, data}`. Values are row-major.
struct OpenCVMatrix {
    var rows: Int
    var columns: Int
    var values: [Double]

    init(_ field: JSONField) throws {
        if case .object = field.value {
            rows = try field.required("rows").int()
            columns = try field.required("cols").int()
            let data = try field.required("data")
            values = try data.doubles(count: rows * columns)
            return
        }
        let items = try field.items()
        if let first = items.first, case .array = first.value {
            let nested = try items.map { try $0.items().map { try $0.double() } }
            guard nested.allSatisfy({ $0.count == nested[0].count }) else { throw field.error("expected rows of equal length") }
            (rows, columns, values) = (nested.count, nested[0].count, nested.flatMap { $0 })
        } else {
            values = try items.map { try $0.double() }
            (rows, columns) = (values.count, 1)
        }
    }
}

extension JSONField {
    /// `[width, height]` in whole pixels (a list or an OpenCV matrix).
    func imageSize() throws -> ImageSize {
        let values = try OpenCVMatrix(self).values
        guard values.count == 2, let width = Int(exactly: values[0]), let height = Int(exactly: values[1]) else {
            throw error("expected [width, height] in whole pixels, found \(values)")
        }
        return ImageSize(width: width, height: height)
    }
}

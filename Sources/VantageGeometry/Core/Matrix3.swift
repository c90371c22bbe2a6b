/// A 3×3 matrix of doubles, stored by rows.
public struct Matrix3: Equatable, Sendable, CustomStringConvertible {
    public var rows: (Vector3, Vector3, Vector3)

    public init(rows r0: Vector3, _ r1: Vector3, _ r2: Vector3) { rows = (r0, r1, r2) }

    /// From nested row arrays; `nil` unless exactly 3×3.
    public init?(_ nested: [[Double]]) {
        guard nested.count == 3, nested.allSatisfy({ $0.count == 3 }) else { return nil }
        self.init(rows: Vector3(nested[0][0], nested[0][1], nested[0][2]),
                  Vector3(nested[1][0], nested[1][1], nested[1][2]),
                  Vector3(nested[2][0], nested[2][1], nested[2][2]))
    }

    public init(columns c0: Vector3, _ c1: Vector3, _ c2: Vector3) {
        self.init(rows: c0, c1, c2)
        self = transposed
    }

    public static let identity = Matrix3(rows: [1, 0, 0], [0, 1, 0], [0, 0, 1])

    public static func diagonal(_ d: Vector3) -> Matrix3 {
        Matrix3(rows: [d.x, 0, 0], [0, d.y, 0], [0, 0, d.z])
    }

    public var nested: [[Double]] { [rows.0, rows.1, rows.2].map { [$0.x, $0.y, $0.z] } }

    public subscript(row: Int, column: Int) -> Double {
        let r = row == 0 ? rows.0 : (row == 1 ? rows.1 : rows.2)
        return r[column]
    }

    public var transposed: Matrix3 {
        Matrix3(rows: Vector3(rows.0.x, rows.1.x, rows.2.x),
                Vector3(rows.0.y, rows.1.y, rows.2.y),
                Vector3(rows.0.z, rows.1.z, rows.2.z))
    }

    public var determinant: Double { rows.0.dot(rows.1.cross(rows.2)) }

    public var isFinite: Bool { rows.0.isFinite && rows.1.isFinite && rows.2.isFinite }

    /// Largest absolute entry of `M·Mᵀ − I`: zero for a perfect rotation or reflection.
    public var orthonormalityError: Double {
        let product = self * transposed
        var worst = 0.0
        for r in 0..<3 { for c in 0..<3 { worst = max(worst, abs(product[r, c] - (r == c ? 1 : 0))) } }
        return worst
    }

    public static func * (m: Matrix3, v: Vector3) -> Vector3 {
        Vector3(m.rows.0.dot(v), m.rows.1.dot(v), m.rows.2.dot(v))
    }

    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        let bt = b.transposed
        func row(_ r: Vector3) -> Vector3 { Vector3(r.dot(bt.rows.0), r.dot(bt.rows.1), r.dot(bt.rows.2)) }
        return Matrix3(rows: row(a.rows.0), row(a.rows.1), row(a.rows.2))
    }

    public static func == (a: Matrix3, b: Matrix3) -> Bool {
        a.rows.0 == b.rows.0 && a.rows.1 == b.rows.1 && a.rows.2 == b.rows.2
    }

    public var description: String { "\(nested)" }
}

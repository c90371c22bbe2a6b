/// Where a rig's optical axes meet: the point closest, in the least-squares sense, to every
/// camera's optical axis (a line through its centre). Real rigs aim at the action, so this is
/// the natural centre of interest and a quick check of a calibration's extrinsics.
public struct AxisConvergence: Sendable {
    public var pointInWorld: Vector3
    /// Distance from the point to each camera's axis, in rig order.
    public var missDistances: [Double]

    public var rmsMissDistance: Double {
        (missDistances.map { $0 * $0 }.reduce(0, +) / Double(missDistances.count)).squareRoot()
    }

    /// `nil` for fewer than two cameras or axes that are all parallel.
    public init?(cameras: [Camera]) {
        guard cameras.count >= 2 else { return nil }
        // Each axis contributes (I − d·dᵀ)·x = (I − d·dᵀ)·c: the component of x − c across the axis vanishes.
        var a: [Double] = []
        var b: [Double] = []
        for camera in cameras {
            let d = camera.forwardInWorld
            let c = camera.centerInWorld
            for row in 0..<3 {
                var projectorRow = Vector3(-d[row] * d.x, -d[row] * d.y, -d[row] * d.z)
                projectorRow[row] += 1
                a += [projectorRow.x, projectorRow.y, projectorRow.z]
                b.append(projectorRow.dot(c))
            }
        }
        guard let x = LeastSquares.solve(a, rows: 3 * cameras.count, columns: 3, b: b) else { return nil }
        let point = Vector3(x[0], x[1], x[2])
        guard point.isFinite else { return nil }
        pointInWorld = point
        missDistances = cameras.map { camera in
            let offset = point - camera.centerInWorld
            return (offset - camera.forwardInWorld * offset.dot(camera.forwardInWorld)).length
        }
    }
}

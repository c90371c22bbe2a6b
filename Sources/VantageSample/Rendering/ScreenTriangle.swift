import VantageGeometry

/// A triangle (or a piece of one left by near-plane clipping) ready to rasterize: screen
/// positions, inverse depths, and each corner's barycentric coordinates in the original triangle.
struct ScreenTriangle: Sendable {
    var x: SIMD3<Double>
    var y: SIMD3<Double>
    var inverseDepth: SIMD3<Double>
    /// Column i: corner i's weights of the original triangle's corners.
    var original: (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>)
    var triangleIndex: Int32
    /// Twice the signed screen area.
    var doubleArea: Double

    var minRow: Int { Int((y.min()).rounded(.up)) }
    var maxRow: Int { Int((y.max()).rounded(.down)) }
}

/// A vertex in the camera frame with its weights of the original triangle's corners.
private struct ClipVertex {
    var pointInCam: SIMD3<Double>
    var original: SIMD3<Double>
}

/// Projects one world triangle for `camera`, clipping it against the plane z = `near` first.
/// Returns zero, one or two screen triangles (a clipped triangle is a quad, split in two).
func screenTriangles(_ cornersInCam: (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>), index: Int32,
                     intrinsics: Intrinsics, near: Double) -> [ScreenTriangle] {
    let corners = [ClipVertex(pointInCam: cornersInCam.0, original: [1, 0, 0]),
                   ClipVertex(pointInCam: cornersInCam.1, original: [0, 1, 0]),
                   ClipVertex(pointInCam: cornersInCam.2, original: [0, 0, 1])]
    let polygon: [ClipVertex]
    if corners.allSatisfy({ $0.pointInCam.z >= near }) {
        polygon = corners
    } else {
        var clipped: [ClipVertex] = []
        for i in 0..<3 {
            let current = corners[i], next = corners[(i + 1) % 3]
            let currentInside = current.pointInCam.z >= near, nextInside = next.pointInCam.z >= near
            if currentInside { clipped.append(current) }
            if currentInside != nextInside {
                let s = (near - current.pointInCam.z) / (next.pointInCam.z - current.pointInCam.z)
                clipped.append(ClipVertex(pointInCam: current.pointInCam + (next.pointInCam - current.pointInCam) * s,
                                          original: current.original + (next.original - current.original) * s))
            }
        }
        polygon = clipped
    }
    guard polygon.count >= 3 else { return [] }
    return (1..<(polygon.count - 1)).compactMap { i in
        project(polygon[0], polygon[i], polygon[i + 1], index: index, intrinsics: intrinsics)
    }
}

private func project(_ a: ClipVertex, _ b: ClipVertex, _ c: ClipVertex, index: Int32, intrinsics k: Intrinsics) -> ScreenTriangle? {
    func screen(_ p: SIMD3<Double>) -> (Double, Double) {
        let x = p.x / p.z, y = p.y / p.z
        return (k.fx * x + k.skew * y + k.cx, k.fy * y + k.cy)
    }
    let (ax, ay) = screen(a.pointInCam), (bx, by) = screen(b.pointInCam), (cx, cy) = screen(c.pointInCam)
    let doubleArea = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    guard abs(doubleArea) > 1e-12, doubleArea.isFinite else { return nil }
    return ScreenTriangle(x: [ax, bx, cx], y: [ay, by, cy],
                          inverseDepth: [1 / a.pointInCam.z, 1 / b.pointInCam.z, 1 / c.pointInCam.z],
                          original: (a.original, b.original, c.original), triangleIndex: index, doubleArea: doubleArea)
}

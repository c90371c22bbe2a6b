import Foundation

/// The static part of the stadium: grass, stands with their back wall, and the goals.
enum StadiumGeometry {
    private typealias L = StadiumLayout
    /// Side of the grass tiles: small triangles keep near-plane clipping cheap for low cameras.
    static let grassTileSize: Float = 5

    static func mesh() -> Mesh {
        var mesh = Mesh()
        addGrass(to: &mesh)
        for side in 0..<4 { addStand(side: side, to: &mesh) }
        for end: Float in [-1, 1] { addGoal(atEnd: end, to: &mesh) }
        return mesh
    }

    private static func addGrass(to mesh: inout Mesh) {
        let columns = Int((2 * L.runOffHalfLength / grassTileSize).rounded(.up))
        let rows = Int((2 * L.runOffHalfWidth / grassTileSize).rounded(.up))
        for row in 0..<rows {
            for column in 0..<columns {
                let x0 = -L.runOffHalfLength + Float(column) * grassTileSize, y0 = -L.runOffHalfWidth + Float(row) * grassTileSize
                let x1 = min(x0 + grassTileSize, L.runOffHalfLength), y1 = min(y0 + grassTileSize, L.runOffHalfWidth)
                mesh.addQuad(Float3(x0, y0, 0), Float3(x1, y0, 0), Float3(x1, y1, 0), Float3(x0, y1, 0),
                             uvMax: Float2(x1 - x0, y1 - y0), material: StadiumMaterial.grass)
            }
        }
    }

    /// One side's sloped stand (side 0: +x, 1: +y, 2: −x, 3: −y), the two half-corners next to it
    /// (the corner squares are split along their diagonals between neighbouring sides, so the ring
    /// has no holes) and its back wall. The crowd's uv is metres along the stand and up its slope.
    private static func addStand(side: Int, to mesh: inout Mesh) {
        let angle = Float(side) * Float.pi / 2
        let outward = Float3(cos(angle), sin(angle), 0), along = Float3(-sin(angle), cos(angle), 0)
        let innerDistance = side % 2 == 0 ? L.runOffHalfLength : L.runOffHalfWidth
        let halfLength = side % 2 == 0 ? L.runOffHalfWidth : L.runOffHalfLength
        let outerDistance = innerDistance + L.standDepth
        let slopeLength = (L.standDepth * L.standDepth + L.standHeight * L.standHeight).squareRoot()
        func point(_ a: Float, outer: Bool, height: Float = L.standHeight) -> Float3 {
            outward * (outer ? outerDistance : innerDistance) + along * a + Float3(0, 0, outer ? height : 0)
        }
        func uv(_ a: Float, outer: Bool) -> Float2 { Float2(a + halfLength, outer ? slopeLength : 0) }

        mesh.addQuad(point(-halfLength, outer: false), point(halfLength, outer: false),
                     point(halfLength, outer: true), point(-halfLength, outer: true),
                     uvMax: Float2(2 * halfLength, slopeLength), material: StadiumMaterial.crowd)
        for end: Float in [-1, 1] {
            let edge = end * halfLength, corner = end * (halfLength + L.standDepth)
            mesh.addTriangle(point(edge, outer: false), point(edge, outer: true), point(corner, outer: true),
                             uv: (uv(edge, outer: false), uv(edge, outer: true), uv(corner, outer: true)),
                             material: StadiumMaterial.crowd)
        }
        let wallEnd = halfLength + L.standDepth, wallTop = L.standHeight + L.backWallHeight
        mesh.addQuad(point(-wallEnd, outer: true), point(wallEnd, outer: true),
                     point(wallEnd, outer: true, height: wallTop), point(-wallEnd, outer: true, height: wallTop),
                     material: StadiumMaterial.concrete)
    }

    /// Two posts and a crossbar on the goal line at x = end × halfLength.
    private static func addGoal(atEnd end: Float, to mesh: inout Mesh) {
        let x = end * L.halfLength, half = L.goalFrameThickness / 2
        let outerY = L.goalHalfWidth + L.goalFrameThickness, top = L.goalHeight + L.goalFrameThickness
        for postSide: Float in [-1, 1] {
            let y = postSide * (L.goalHalfWidth + half)
            mesh.addBox(from: Float3(x - half, y - half, 0), to: Float3(x + half, y + half, top),
                        material: StadiumMaterial.goalFrame)
        }
        mesh.addBox(from: Float3(x - half, -outerY, L.goalHeight), to: Float3(x + half, outerY, top),
                    material: StadiumMaterial.goalFrame)
    }
}

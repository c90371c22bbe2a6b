import Testing
import VantageGeometry
@testable import VantageSample

/// The fast rasterizer against a slow, obviously-correct reference: a ray through every pixel
/// centre intersected with every triangle.
struct RasterizerTests {
    static let size = ImageSize(width: 80, height: 60)

    /// A ground plane that runs under and behind the camera (so it crosses the near plane), a
    /// few triangles at different depths, one partly behind the camera.
    static func testMesh() -> Mesh {
        var mesh = Mesh()
        mesh.addQuad([-50, -50, 0], [50, -50, 0], [50, 50, 0], [-50, 50, 0], material: 0)
        var generator = SplitMix64(seed: 3)
        for _ in 0..<12 {
            let center = Float3(Float.random(in: -6...6, using: &generator), Float.random(in: 2...20, using: &generator),
                                Float.random(in: 0...4, using: &generator))
            func jitter() -> Float3 { center + Float3(Float.random(in: -2...2, using: &generator), Float.random(in: -2...2, using: &generator),
                                                     Float.random(in: -2...2, using: &generator)) }
            mesh.addTriangle(jitter(), jitter(), jitter(), material: 1)
        }
        mesh.addTriangle([-1, -3, 1.5], [1, 6, 1.5], [0.5, 6, 2.5], material: 2)  // starts behind the camera
        return mesh
    }

    static let camera = Camera.lookingAt([0, 10, 0.5], from: [0, 0, 1.6], name: "low", size: size,
                                         intrinsics: Intrinsics(fx: 60, fy: 60, cx: 39.5, cy: 29.5, skew: 0.3))

    /// Nearest triangle along the ray through `pixel`, with its intersection point (Möller–Trumbore).
    static func reference(_ mesh: Mesh, pixel: Vector2) -> (triangle: Int, point: Vector3)? {
        let origin = camera.centerInWorld
        guard let direction = camera.rayInWorld(through: pixel) else { return nil }
        var best: (triangle: Int, distance: Double)?
        for (index, corners) in mesh.triangles.enumerated() {
            let a = Vector3(mesh.positions[Int(corners.x)]), b = Vector3(mesh.positions[Int(corners.y)]), c = Vector3(mesh.positions[Int(corners.z)])
            let edge1 = b - a, edge2 = c - a
            let p = direction.cross(edge2)
            let determinant = edge1.dot(p)
            if abs(determinant) < 1e-12 { continue }
            let s = origin - a
            let u = s.dot(p) / determinant
            let q = s.cross(edge1)
            let v = direction.dot(q) / determinant
            let distance = edge2.dot(q) / determinant
            let depth = distance * direction.dot(camera.forwardInWorld)
            if u >= 0, v >= 0, u + v <= 1, depth >= 0.05, distance < (best?.distance ?? .infinity) { best = (index, distance) }
        }
        return best.map { ($0.triangle, origin + direction * $0.distance) }
    }

    @Test func matchesTheReferenceRayCaster() throws {
        let mesh = Self.testMesh()
        let buffer = Rasterizer(camera: Self.camera).visibility(of: mesh)
        var mismatches = 0, compared = 0
        for row in 0..<Self.size.height {
            for column in 0..<Self.size.width {
                let offset = row * Self.size.width + column
                let expected = Self.reference(mesh, pixel: Vector2(Double(column), Double(row)))
                guard Int(buffer.triangle[offset]) == expected?.triangle ?? -1 else { mismatches += 1; continue }
                guard let expected else { #expect(buffer.depth[offset] == .infinity); continue }
                compared += 1
                let depth = Self.camera.camFromWorld.apply(expected.point).z
                #expect(abs(Double(buffer.depth[offset]) - depth) < 1e-4 * depth, "depth at (\(column), \(row))")
                let corners = mesh.triangles[expected.triangle]
                let weights = buffer.barycentric[offset]
                let point = mesh.positions[Int(corners.x)] * (1 - weights.x - weights.y) + mesh.positions[Int(corners.y)] * weights.x
                    + mesh.positions[Int(corners.z)] * weights.y
                #expect((Vector3(point) - expected.point).length < 1e-3 * depth, "perspective-correct point at (\(column), \(row))")
            }
        }
        // Disagreement is allowed only where a pixel centre lies on an edge, up to rounding.
        #expect(mismatches <= Self.size.width * Self.size.height / 200, "\(mismatches) pixels disagree")
        #expect(compared > Self.size.width * Self.size.height / 2)
    }

    @Test func groundCrossingTheNearPlaneCoversTheLowerImage() {
        let buffer = Rasterizer(camera: Self.camera).visibility(of: Self.testMesh())
        let bottomRow = (Self.size.height - 1) * Self.size.width
        #expect((0..<Self.size.width).allSatisfy { buffer.triangle[bottomRow + $0] >= 0 }, "the ground fills the bottom row")
    }
}

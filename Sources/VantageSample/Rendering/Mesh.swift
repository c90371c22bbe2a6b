import VantageGeometry

/// Single-precision 3-vector for the renderer's hot loops.
public typealias Float3 = SIMD3<Float>
public typealias Float2 = SIMD2<Float>

/// Triangles in world coordinates (metres, Z up), each with a material and per-corner texture
/// coordinates. Winding does not matter (no back-face culling).
public struct Mesh: Sendable {
    public var positions: [Float3] = []
    public var uvs: [Float2] = []
    /// Corner indices into `positions`/`uvs`, three per triangle.
    public var triangles: [SIMD3<Int32>] = []
    /// One material per triangle, interpreted by the scene's shader.
    public var materials: [UInt16] = []

    public init() {}

    public var triangleCount: Int { triangles.count }

    /// Adds a triangle whose corners are new vertices.
    public mutating func addTriangle(_ a: Float3, _ b: Float3, _ c: Float3,
                                     uv: (Float2, Float2, Float2) = (.zero, .zero, .zero), material: UInt16) {
        let first = Int32(positions.count)
        positions += [a, b, c]
        uvs += [uv.0, uv.1, uv.2]
        triangles.append(SIMD3(first, first + 1, first + 2))
        materials.append(material)
    }

    /// Adds the quad a-b-c-d (in order around its edge) as two triangles, with uv (0,0) at `a`,
    /// (uMax, 0) at `b`, (uMax, vMax) at `c` and (0, vMax) at `d`.
    public mutating func addQuad(_ a: Float3, _ b: Float3, _ c: Float3, _ d: Float3,
                                 uvMax: Float2 = Float2(1, 1), material: UInt16) {
        let first = Int32(positions.count)
        positions += [a, b, c, d]
        uvs += [Float2(0, 0), Float2(uvMax.x, 0), uvMax, Float2(0, uvMax.y)]
        triangles += [SIMD3(first, first + 1, first + 2), SIMD3(first, first + 2, first + 3)]
        materials += [material, material]
    }

    public mutating func append(_ other: Mesh) {
        let offset = Int32(positions.count)
        positions += other.positions
        uvs += other.uvs
        triangles += other.triangles.map { $0 &+ SIMD3(repeating: offset) }
        materials += other.materials
    }
}

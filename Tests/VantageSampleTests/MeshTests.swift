import Testing
@testable import VantageSample

struct MeshTests {
    @Test func quadsAndAppendKeepIndicesConsistent() {
        var floor = Mesh()
        floor.addQuad([0, 0, 0], [2, 0, 0], [2, 1, 0], [0, 1, 0], uvMax: [4, 2], material: 3)
        var post = Mesh()
        post.addTriangle([0, 0, 0], [0, 0, 2], [0.1, 0, 0], material: 9)
        floor.append(post)
        #expect(floor.triangleCount == 3)
        #expect(floor.materials == [3, 3, 9])
        #expect(floor.triangles[2] == SIMD3(4, 5, 6))
        #expect(floor.positions[Int(floor.triangles[2].y)] == Float3(0, 0, 2))
        #expect(floor.uvs[2] == Float2(4, 2))
    }
}

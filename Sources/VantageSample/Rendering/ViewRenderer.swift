import VantageGeometry
import VantageMedia

/// One camera's picture of a scene and its exact depth.
public struct RenderedView: Sendable {
    /// 8-bit sRGB-encoded colour after the camera's exposure.
    public var image: RGBImage
    /// Metres along the optical axis per pixel; `.infinity` for sky.
    public var depth: DepthMap
}

/// Renders scenes: rasterize visibility, then shade each visible pixel once (deferred shading),
/// apply the camera's exposure and encode to 8-bit sRGB.
public enum ViewRenderer {
    /// - Parameter exposure: per-channel gain on linear light (1 = neutral).
    public static func render(_ scene: some SceneContent, mesh: Mesh, camera: Camera,
                              exposure: Float3 = Float3(repeating: 1)) -> RenderedView {
        let visibility = Rasterizer(camera: camera).visibility(of: mesh)
        let width = camera.size.width, height = camera.size.height
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let center = Float3(camera.centerInWorld)
        let footprintPerMetre = Float(1 / camera.intrinsics.fx)
        pixels.withUnsafeMutableBufferPointer { output in
            let shared = BandSharedBuffer(output)
            forEachChunk(of: height) { rows in
                for row in rows {
                    for column in 0..<width {
                        let offset = row * width + column
                        let linear: Float3
                        let triangleIndex = Int(visibility.triangle[offset])
                        if triangleIndex < 0 {
                            let ray = camera.rayInWorld(through: Vector2(Double(column), Double(row))) ?? camera.forwardInWorld
                            linear = scene.background(viewDirection: Float3(ray))
                        } else {
                            linear = scene.shade(fragment(at: offset, triangle: triangleIndex, mesh: mesh, visibility: visibility,
                                                          cameraCenter: center, footprintPerMetre: footprintPerMetre))
                        }
                        let encoded = SRGB.encode(linear * exposure)
                        shared.base[offset * 3] = encoded.0
                        shared.base[offset * 3 + 1] = encoded.1
                        shared.base[offset * 3 + 2] = encoded.2
                    }
                }
            }
        }
        return RenderedView(image: RGBImage(width: width, height: height, pixels: pixels), depth: DepthMap(width: width, height: height, values: visibility.depth))
    }

    @inline(__always)
    private static func fragment(at offset: Int, triangle: Int, mesh: Mesh, visibility: VisibilityBuffer,
                                 cameraCenter: Float3, footprintPerMetre: Float) -> Fragment {
        let corners = mesh.triangles[triangle]
        let a = mesh.positions[Int(corners.x)], b = mesh.positions[Int(corners.y)], c = mesh.positions[Int(corners.z)]
        let weights = visibility.barycentric[offset]
        let weightA = 1 - weights.x - weights.y
        let point = a * weightA + b * weights.x + c * weights.y
        let uv = mesh.uvs[Int(corners.x)] * weightA + mesh.uvs[Int(corners.y)] * weights.x + mesh.uvs[Int(corners.z)] * weights.y
        let view = normalize(point - cameraCenter)
        var normal = normalize(cross(b - a, c - a))
        if dot(normal, view) > 0 { normal = -normal }
        return Fragment(material: mesh.materials[triangle], pointInWorld: point, uv: uv, normalInWorld: normal,
                        viewDirection: view, footprint: visibility.depth[offset] * footprintPerMetre)
    }
}

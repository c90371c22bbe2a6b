import Foundation
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// Small ray-cast scenes with exact depth for the depth tests: textured planes seen by a reference
/// camera and neighbours around it.
enum DepthTestScenes {
    static let size = ImageSize(width: 160, height: 120)
    static let intrinsics = Intrinsics(fx: 160, fy: 160, cx: 79.5, cy: 59.5)
    /// The reference camera at the origin looking along +y (world z up).
    static let reference = Camera.lookingAt([0, 10, 0], from: [0, 0, 0], name: "ref", size: size, intrinsics: intrinsics)

    /// Neighbours 0.4 m left, right, above and below the reference, aimed at the same point 6 m ahead.
    static func neighbourCameras(count: Int = 4) -> [Camera] {
        let offsets: [Vector3] = [[0.4, 0, 0], [-0.4, 0, 0], [0, 0, 0.4], [0, 0, -0.4]]
        return offsets.prefix(count).enumerated().map { index, offset in
            Camera.lookingAt([0, 6, 0], from: offset, name: "n\(index + 1)", size: size, intrinsics: intrinsics)
        }
    }

    /// A plane through `point` with unit `normal`, and a box-shaped occluder option.
    struct Plane {
        var point: Vector3
        var normal: Vector3
    }

    /// Smooth value noise with a few octaves: texture that ZNCC can lock onto at every scale.
    static func texture(_ u: Double, _ v: Double) -> Double {
        var value = 0.0, amplitude = 0.5, frequency = 4.0
        for octave in 0..<4 {
            value += amplitude * noise(u * frequency, v * frequency, seed: UInt64(octave))
            amplitude *= 0.5
            frequency *= 2.3
        }
        return 0.15 + 0.7 * value
    }

    private static func noise(_ x: Double, _ y: Double, seed: UInt64) -> Double {
        func lattice(_ i: Int, _ j: Int) -> Double {
            var h = UInt64(bitPattern: Int64(i &* 73_856_093 ^ j &* 19_349_663)) &+ seed &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
            h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((h ^ (h >> 31)) >> 11) / Double(1 << 53)
        }
        let i = Int(floor(x)), j = Int(floor(y))
        let fx = x - floor(x), fy = y - floor(y)
        let sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy)
        let top = lattice(i, j) * (1 - sx) + lattice(i + 1, j) * sx
        let bottom = lattice(i, j + 1) * (1 - sx) + lattice(i + 1, j + 1) * sx
        return top * (1 - sy) + bottom * sy
    }

    /// The view of `planes` (nearest hit wins) from `camera`, with its exact depth, luma scaled by
    /// `gain` and offset by `offset` (an exposure difference).
    static func render(_ planes: [Plane], camera: Camera, gain: Double = 1, offset: Double = 0) -> (view: SourceView, depth: DepthMap) {
        let width = camera.size.width, height = camera.size.height
        var image = PlanarFloatImage(width: width, height: height)
        var depth = DepthMap(width: width, height: height)
        let centre = camera.centerInWorld
        for y in 0..<height {
            for x in 0..<width {
                let ray = camera.rayInWorld(through: Vector2(Double(x), Double(y)))!
                var best = Double.infinity, colour = 0.0
                for plane in planes {
                    let denominator = ray.dot(plane.normal)
                    guard abs(denominator) > 1e-9 else { continue }
                    let distance = (plane.point - centre).dot(plane.normal) / denominator
                    guard distance > 0, distance < best else { continue }
                    best = distance
                    let hit = centre + ray * distance
                    // Texture coordinates in the plane: two axes orthogonal to its normal.
                    let axisU = plane.normal.cross([0, 0, 1]).length > 0.1 ? plane.normal.cross([0, 0, 1]).normalized : Vector3(1, 0, 0)
                    let axisV = plane.normal.cross(axisU)
                    colour = texture(hit.dot(axisU), hit.dot(axisV))
                }
                guard best.isFinite else { continue }
                let value = Float(min(1, max(0, colour * gain + offset)))
                for channel in 0..<3 { image.samples[channel * width * height + y * width + x] = value }
                depth[x, y] = Float(camera.camFromWorld.apply(centre + ray * best).z)
            }
        }
        return (SourceView(camera: camera, image: image), depth)
    }

    /// A fronto-parallel plane `distance` metres in front of the reference.
    static func frontoParallel(at distance: Double) -> Plane { Plane(point: [0, distance, 0], normal: [0, -1, 0]) }
}

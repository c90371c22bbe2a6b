import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// The obviously-correct version of `DepthSplatting.splat`: the camera model in double
/// precision, one source pixel at a time, no crack filling (compared away from cracks).
enum ReferenceSplatting {
    static func splat(_ source: SourceView, depth: DepthMap, into target: Camera) -> [Float] {
        let width = target.size.width, height = target.size.height
        var zBuffer = [Float](repeating: .infinity, count: width * height)
        for v in 0..<depth.height {
            for u in 0..<depth.width {
                let sourceDepth = Double(depth[u, v])
                guard sourceDepth.isFinite, sourceDepth > 0,
                      let world = source.camera.unproject(Vector2(Double(u), Double(v)), depth: sourceDepth),
                      let (pixel, targetDepth) = target.project(world) else { continue }
                let scale = target.intrinsics.fx / source.camera.intrinsics.fx * sourceDepth / targetDepth
                let halfWidth = min(max(scale, 1) * 0.5 + 0.25, Double(DepthSplatting.maximumHalfWidth))
                for y in 0..<height where abs(Double(y) - pixel.y) <= halfWidth {
                    for x in 0..<width where abs(Double(x) - pixel.x) <= halfWidth {
                        zBuffer[y * width + x] = min(zBuffer[y * width + x], Float(targetDepth))
                    }
                }
            }
        }
        return zBuffer
    }
}

import Dispatch
import VantageGeometry
import VantageMedia

/// Forward-warps a source's depth into the target camera: each source pixel is splatted, with a
/// z-test, over the target pixels its footprint covers. The result is the target's view of that
/// source's surface; colour is fetched afterwards, backwards, at sub-pixel precision.
enum DepthSplatting {
    /// Marks target pixels that see only backdrop (set by `BackdropCarving`, never by a splat).
    static let backdrop: Float = 1e30
    /// Largest half-width of one splat, in target pixels (a source pixel seen from very close).
    static let maximumHalfWidth: Float = 3

    /// The target's z-buffer from `source`: camera-z per target pixel, `+inf` where the source
    /// shows no surface.
    static func splat(_ source: SourceView, depth: DepthMap, into target: Camera) -> [Float] {
        precondition(depth.width == source.image.width && depth.height == source.image.height,
                     "depth of \(source.name) must have the frame's size")
        let width = target.size.width, height = target.size.height
        var zBuffer = [Float](repeating: .infinity, count: width * height)
        let transfer = PixelTransfer(from: source.camera, to: target)
        // How many target pixels one source pixel spans, per unit of (source depth / target depth).
        let focalRatio = Float(target.intrinsics.fx / source.camera.intrinsics.fx)
        let sourceWidth = depth.width, sourceHeight = depth.height
        let coverage = source.coverage
        zBuffer.withUnsafeMutableBufferPointer { buffer in
            let z = buffer.baseAddress!
            depth.values.withUnsafeBufferPointer { depthValues in
                let d = depthValues.baseAddress!
                for v in 0..<sourceHeight {
                    for u in 0..<sourceWidth {
                        let index = v &* sourceWidth &+ u
                        let sourceDepth = d[index]
                        // Backdrop pixels show no surface; silhouette pixels mix object and backdrop
                        // colours and have the least sure depth. `BackdropCarving` handles what is left empty.
                        if let coverage, coverage[index] < 0.5 || u == 0 || v == 0 || u == sourceWidth - 1 || v == sourceHeight - 1
                            || coverage[index - 1] < 0.5 || coverage[index + 1] < 0.5
                            || coverage[index - sourceWidth] < 0.5 || coverage[index + sourceWidth] < 0.5 {
                            continue
                        }
                        guard sourceDepth.isFinite, sourceDepth > 0 else { continue }
                        let p = transfer.apply(Float(u), Float(v), depth: sourceDepth)
                        guard p.depth > 0 else { continue }
                        let scale = focalRatio * sourceDepth / p.depth
                        let halfWidth = min(max(scale, 1) * 0.5 + 0.25, maximumHalfWidth)
                        write(p.depth, at: p.x, p.y, halfWidth: halfWidth, into: z, width: width, height: height)
                    }
                }
            }
            fillCracks(z, width: width, height: height)
        }
        return zBuffer
    }

    /// z-tests `value` into every pixel whose centre lies within `halfWidth` of (x, y).
    @inline(__always)
    private static func write(_ value: Float, at x: Float, _ y: Float, halfWidth: Float,
                              into z: UnsafeMutablePointer<Float>, width: Int, height: Int) {
        guard x > -halfWidth - 1, y > -halfWidth - 1, x < Float(width) + halfWidth, y < Float(height) + halfWidth else { return }
        let x0 = max(Int((x - halfWidth).rounded(.up)), 0), x1 = min(Int((x + halfWidth).rounded(.down)), width - 1)
        let y0 = max(Int((y - halfWidth).rounded(.up)), 0), y1 = min(Int((y + halfWidth).rounded(.down)), height - 1)
        guard x0 <= x1, y0 <= y1 else { return }
        for row in y0...y1 {
            let line = z + row &* width
            for column in x0...x1 where value < line[column] { line[column] = value }
        }
    }

    /// Fills pixels that no splat reached but that at least five of their eight neighbours cover,
    /// with the farthest of those neighbours: closes pinholes without fattening foreground edges.
    private static func fillCracks(_ z: UnsafeMutablePointer<Float>, width: Int, height: Int) {
        guard width > 2, height > 2 else { return }
        var filled: [(Int, Float)] = []
        for y in 1..<(height - 1) {
            let row = z + y &* width
            for x in 1..<(width - 1) where !row[x].isFinite {
                if let farthest = farthestCoveringNeighbour(of: row + x, width: width) { filled.append((y &* width &+ x, farthest)) }
            }
        }
        for (index, value) in filled { z[index] = value }
    }

    /// The farthest finite value among the eight neighbours of `pixel` (a pointer into a plane
    /// `width` wide, not on its border) when at least five are finite, else `nil`. Stops at the
    /// fourth missing neighbour: most uncovered pixels lie in wide empty areas.
    @inline(__always)
    private static func farthestCoveringNeighbour(of pixel: UnsafePointer<Float>, width: Int) -> Float? {
        var missing = 0
        var farthest: Float = 0
        // Takes one neighbour; false once four are missing.
        @inline(__always) func take(_ value: Float) -> Bool {
            if value.isFinite { farthest = max(farthest, value); return true }
            missing &+= 1
            return missing < 4
        }
        let above = pixel - width, below = pixel + width
        guard take(above[-1]), take(above[0]), take(above[1]), take(pixel[-1]), take(pixel[1]),
              take(below[-1]), take(below[0]), take(below[1]) else { return nil }
        return farthest
    }
}

import VantageMedia

/// Depth-aware inpainting: holes (target pixels no source saw) are filled by push-pull from the
/// pixels around them, where far pixels weigh more than near ones, so that a disocclusion behind
/// a player is filled with the pitch behind it rather than with the player.
enum HoleFilling {
    /// Fills every pixel whose `depth` is `+inf`; other pixels are left untouched.
    static func fill(_ image: inout PlanarFloatImage, depth: [Float]) {
        let width = image.width, height = image.height
        let (nearest, farthest) = surfaceRange(depth, width: width, height: height) ?? (1, 1)
        let span = max(farthest - nearest, farthest * 1e-3)
        var weights = [Float](repeating: 0, count: depth.count)
        weights.withUnsafeMutableBufferPointer { buffer in
            let output = BandSharedBuffer(buffer)
            forEachChunk(of: height) { rows in
                for pixel in (rows.lowerBound * width)..<(rows.upperBound * width) where depth[pixel].isFinite {
                    let z = depth[pixel]
                    let farness = z >= DepthSplatting.backdrop ? 1 : (z - nearest) / span
                    output.base[pixel] = 0.05 + farness * farness
                }
            }
        }
        PushPull.fill(&image.samples, channels: 3, weights: weights, width: width, height: height)
    }

    /// The nearest and farthest finite depth short of the backdrop, over rows in parallel; `nil` when there is none.
    private static func surfaceRange(_ depth: [Float], width: Int, height: Int) -> (nearest: Float, farthest: Float)? {
        let rowRanges = UnsafeSlots<(nearest: Float, farthest: Float)>(count: height)
        forEachChunk(of: height) { rows in
            for y in rows {
                var nearest = Float.infinity, farthest = -Float.infinity
                for z in depth[(y * width)..<((y + 1) * width)] where z.isFinite && z < DepthSplatting.backdrop {
                    nearest = min(nearest, z)
                    farthest = max(farthest, z)
                }
                rowRanges.set(y, (nearest, farthest))
            }
        }
        let ranges = rowRanges.values
        let nearest = ranges.map(\.nearest).min() ?? .infinity, farthest = ranges.map(\.farthest).max() ?? -.infinity
        return nearest <= farthest ? (nearest, farthest) : nil
    }
}

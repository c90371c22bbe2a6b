import VantageGeometry
import VantageMedia

/// Resamples images between a distorted camera and its ideal pinhole twin (same intrinsics, no
/// distortion). The per-pixel lookup positions are computed once per camera and reused.
public struct LensResampler: Sendable {
    public let width: Int
    public let height: Int
    /// For each output pixel, the input position to sample (x, y interleaved); NaN where the lens
    /// model cannot be inverted.
    let lookup: [Float]

    /// Maps a frame of the distorted `camera` onto its pinhole twin (what `SourceView` needs).
    public static func undistorting(_ camera: Camera) -> LensResampler {
        LensResampler(size: camera.size) { pixel in
            let y = (pixel.y - camera.intrinsics.cy) / camera.intrinsics.fy
            let x = (pixel.x - camera.intrinsics.cx - camera.intrinsics.skew * y) / camera.intrinsics.fx
            return camera.pixel(ofNormalized: Vector2(x, y))
        }
    }

    /// Maps a pinhole render onto the distorted `camera` (how a target with a lens is delivered).
    public static func distorting(_ camera: Camera) -> LensResampler {
        LensResampler(size: camera.size) { camera.undistort($0) }
    }

    private init(size: ImageSize, inputPosition: (Vector2) -> Vector2?) {
        width = size.width
        height = size.height
        var lookup = [Float](repeating: .nan, count: width * height * 2)
        for y in 0..<height {
            for x in 0..<width {
                guard let position = inputPosition(Vector2(Double(x), Double(y))) else { continue }
                lookup[(y * width + x) * 2] = Float(position.x)
                lookup[(y * width + x) * 2 + 1] = Float(position.y)
            }
        }
        self.lookup = lookup
    }

    /// Bilinear resampling of every plane of `image` (which must have this resampler's size);
    /// positions outside the input take the nearest edge pixel.
    public func apply(to image: PlanarFloatImage) -> PlanarFloatImage {
        precondition(image.width == width && image.height == height, "LensResampler size mismatch")
        var output = PlanarFloatImage(width: width, height: height)
        for channel in 0..<3 {
            let offset = channel * width * height
            image.samples.withUnsafeBufferPointer { input in
                output.samples.withUnsafeMutableBufferPointer { result in
                    resample(input.baseAddress! + offset, into: result.baseAddress! + offset)
                }
            }
        }
        return output
    }

    /// Bilinear resampling of one plane (coverage or confidence) of this resampler's size.
    public func apply(toPlane plane: [Float]) -> [Float] {
        precondition(plane.count == width * height, "LensResampler size mismatch")
        var output = [Float](repeating: 0, count: plane.count)
        plane.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { result in resample(input.baseAddress!, into: result.baseAddress!) }
        }
        return output
    }

    private func resample(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let maxX = Float(width - 1), maxY = Float(height - 1)
        lookup.withUnsafeBufferPointer { positions in
            let position = positions.baseAddress!
            for pixel in 0..<(width * height) {
                var x = position[pixel &* 2], y = position[pixel &* 2 &+ 1]
                guard x.isFinite && y.isFinite else { output[pixel] = 0; continue }
                x = min(max(x, 0), maxX)
                y = min(max(y, 0), maxY)
                let x0 = min(Int(x), width - 2 < 0 ? 0 : width - 2), y0 = min(Int(y), height - 2 < 0 ? 0 : height - 2)
                let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
                let fx = x - Float(x0), fy = y - Float(y0)
                let top = input[y0 &* width &+ x0] * (1 - fx) + input[y0 &* width &+ x1] * fx
                let bottom = input[y1 &* width &+ x0] * (1 - fx) + input[y1 &* width &+ x1] * fx
                output[pixel] = top * (1 - fy) + bottom * fy
            }
        }
    }
}

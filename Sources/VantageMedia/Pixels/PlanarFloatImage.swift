/// A 3-channel float image for synthesis code: one plane per channel (R, G, B), values in [0, 1].
public struct PlanarFloatImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Always 3 (R, G, B).
    public var channels: Int { 3 }
    /// All planes back to back: channel `c` of pixel (x, y) is at `c * width * height + y * width + x`.
    public var samples: [Float]

    /// A black image.
    public init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "PlanarFloatImage needs a positive size, got \(width)x\(height)")
        self.width = width
        self.height = height
        samples = [Float](repeating: 0, count: width * height * 3)
    }

    /// Samples of `rgb` scaled from 0...255 to 0...1 and split into planes.
    public init(_ rgb: RGBImage) {
        self.init(width: rgb.width, height: rgb.height)
        let planeSize = width * height
        rgb.pixels.withUnsafeBufferPointer { source in
            samples.withUnsafeMutableBufferPointer { planes in
                let src = source.baseAddress!, dst = planes.baseAddress!
                let scale: Float = 1 / 255
                for pixel in 0..<planeSize {
                    let byte = pixel &* 3
                    dst[pixel] = Float(src[byte]) * scale
                    dst[planeSize &+ pixel] = Float(src[byte &+ 1]) * scale
                    dst[2 &* planeSize &+ pixel] = Float(src[byte &+ 2]) * scale
                }
            }
        }
    }
}

extension RGBImage {
    /// Interleaves the planes of `planar`, clamping to [0, 1] and rounding to the nearest 8-bit level.
    public init(_ planar: PlanarFloatImage) {
        let planeSize = planar.width * planar.height
        var bytes = [UInt8](repeating: 0, count: planeSize * 3)
        planar.samples.withUnsafeBufferPointer { planes in
            bytes.withUnsafeMutableBufferPointer { destination in
                let src = planes.baseAddress!, dst = destination.baseAddress!
                for channel in 0..<3 {
                    let plane = src + channel * planeSize
                    for pixel in 0..<planeSize {
                        let level = min(max(plane[pixel], 0), 1) * 255 + 0.5
                        dst[pixel &* 3 &+ channel] = UInt8(level)
                    }
                }
            }
        }
        self.init(width: planar.width, height: planar.height, pixels: bytes)
    }
}

/// An 8-bit RGBA image (straight, non-premultiplied alpha): rows top to bottom, tightly packed.
public struct RGBAImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: R, G, B, A per pixel.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "RGBAImage needs a positive size, got \(width)x\(height)")
        precondition(pixels.count == width * height * 4, "RGBAImage \(width)x\(height) needs \(width * height * 4) bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

extension RGBImage {
    /// `rgba` composited over a uniform background colour (e.g. white for NeRF-style renders).
    public init(compositing rgba: RGBAImage, over background: (red: UInt8, green: UInt8, blue: UInt8)) {
        let pixelCount = rgba.width * rgba.height
        var bytes = [UInt8](repeating: 0, count: pixelCount * 3)
        let red = UInt32(background.red), green = UInt32(background.green), blue = UInt32(background.blue)
        @inline(__always) func blend(_ value: UInt8, _ alpha: UInt32, _ backdrop: UInt32) -> UInt8 {
            UInt8((UInt32(value) &* alpha &+ backdrop &* (255 &- alpha) &+ 127) / 255)
        }
        rgba.pixels.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { destination in
                let src = source.baseAddress!, dst = destination.baseAddress!
                for pixel in 0..<pixelCount {
                    let input = src + pixel &* 4, output = dst + pixel &* 3
                    let alpha = UInt32(input[3])
                    output[0] = blend(input[0], alpha, red)
                    output[1] = blend(input[1], alpha, green)
                    output[2] = blend(input[2], alpha, blue)
                }
            }
        }
        self.init(width: rgba.width, height: rgba.height, pixels: bytes)
    }
}

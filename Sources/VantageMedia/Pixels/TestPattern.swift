import Foundation

/// Deterministic synthetic pictures for encoder checks, tests and benchmarks.
public enum TestPattern {
    /// One period of a sine wave in 256 steps, scaled to 0...255.
    private static let sineTable: [UInt8] = (0..<256).map { step in
        UInt8((127.5 + 127.5 * sin(Double(step) * 2 * Double.pi / 256)).rounded(.down))
    }

    /// Frame `frameIndex` of a moving pattern: a grey sinusoidal texture (periods of about 36 and 51 px)
    /// that scrolls right by 4 px and down by 2 px per frame, over smooth colour gradients.
    /// Fine detail sits in luma and colour varies slowly, like natural video after 4:2:0 subsampling.
    public static func movingTexture(width: Int, height: Int, frameIndex: Int) -> RGBImage {
        var image = RGBImage(width: width, height: height)
        let horizontalShift = frameIndex &* 4, verticalShift = frameIndex &* 2
        sineTable.withUnsafeBufferPointer { table in
            image.pixels.withUnsafeMutableBufferPointer { pixels in
                let sine = table.baseAddress!, output = pixels.baseAddress!
                for y in 0..<height {
                    let row = output + y &* width &* 3
                    let v = y &+ verticalShift
                    let gradientY = (y &* 255 / max(height &- 1, 1)) &* 2 / 5
                    for x in 0..<width {
                        let u = x &+ horizontalShift
                        let texture = (Int(sine[(u &* 5) & 255]) &+ Int(sine[(v &* 7 &+ u) & 255])) &* 3 / 10
                        let gradientX = (x &* 255 / max(width &- 1, 1)) &* 2 / 5
                        let pixel = row + x &* 3
                        pixel[0] = UInt8(texture &+ gradientX)
                        pixel[1] = UInt8(texture &+ gradientY)
                        pixel[2] = UInt8(texture &+ 102 &- gradientX)
                    }
                }
            }
        }
        return image
    }
}

import Foundation

/// Image quality measures used by tests and by the product's evaluation command.
public enum ImageMetrics {
    /// Peak signal-to-noise ratio in dB over all channels, with peak 255; `.infinity` for identical images.
    /// Both images must have the same size.
    public static func psnr(_ a: RGBImage, _ b: RGBImage) -> Double {
        precondition(a.width == b.width && a.height == b.height,
                     "psnr needs equal sizes, got \(a.width)x\(a.height) and \(b.width)x\(b.height)")
        let squaredError = a.pixels.withUnsafeBufferPointer { first in
            b.pixels.withUnsafeBufferPointer { second in
                sumOfSquaredDifferences(first.baseAddress!, second.baseAddress!, count: first.count)
            }
        }
        guard squaredError > 0 else { return .infinity }
        let meanSquaredError = Double(squaredError) / Double(a.pixels.count)
        return 10 * log10(255 * 255 / meanSquaredError)
    }

    /// Sums in 64 bits over 8192-byte chunks accumulated in 32 bits (8192 × 255² cannot overflow a UInt32).
    private static func sumOfSquaredDifferences(
        _ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, count: Int
    ) -> UInt64 {
        var total: UInt64 = 0
        var start = 0
        while start < count {
            let end = min(start &+ 8192, count)
            var chunk: UInt32 = 0
            for index in start..<end {
                let difference = Int32(first[index]) &- Int32(second[index])
                chunk &+= UInt32(bitPattern: difference &* difference)
            }
            total &+= UInt64(chunk)
            start = end
        }
        return total
    }
}

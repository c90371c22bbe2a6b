import Foundation

/// Linear light in [0, 1] to 8-bit sRGB, through a lookup table (values outside are clamped).
enum SRGB {
    private static let tableSize = 4096
    private static let table: [UInt8] = (0..<tableSize).map { index in
        let linear = Double(index) / Double(tableSize - 1)
        let encoded = linear <= 0.0031308 ? 12.92 * linear : 1.055 * pow(linear, 1 / 2.4) - 0.055
        return UInt8((encoded * 255).rounded())
    }

    @inline(__always)
    static func encode(_ linear: Float3) -> (UInt8, UInt8, UInt8) {
        let finite = linear.replacing(with: Float(0), where: linear .!= linear)  // NaN → black, never a trap
        let scaled = (finite.clamped(lowerBound: Float3(repeating: 0), upperBound: Float3(repeating: 1)) * Float(tableSize - 1)).rounded(.toNearestOrEven)
        return (table[Int(scaled.x)], table[Int(scaled.y)], table[Int(scaled.z)])
    }
}

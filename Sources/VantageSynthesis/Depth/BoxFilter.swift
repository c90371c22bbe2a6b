/// Sums over the (2r+1)² window around each pixel, counting only pixels inside the image (so a
/// border pixel's window is smaller, never padded: divide by `windowSizes` for means). Separable
/// running sums; serial, for callers that parallelize across planes or hypotheses.
enum BoxFilter {
    /// How many image pixels each pixel's window holds.
    static func windowSizes(width: Int, height: Int, radius: Int) -> [Float] {
        (0..<width * height).map { pixel in
            let x = pixel % width, y = pixel / width
            return Float((min(x + radius, width - 1) - max(x - radius, 0) + 1) * (min(y + radius, height - 1) - max(y - radius, 0) + 1))
        }
    }

    /// Works on any additive element: `Float`, or `SIMD4<Float>` to sum four planes in one pass.
    static func sum<Element: BoxSummable>(_ source: UnsafePointer<Element>, into destination: UnsafeMutablePointer<Element>,
                                                 width: Int, height: Int, radius: Int, scratch: UnsafeMutablePointer<Element>) {
        // Horizontal sums into scratch: a running sum, with the window's entering and leaving
        // pixels handled in three branch-free stretches (left edge, middle, right edge).
        let r = min(radius, width)
        for y in 0..<height {
            let row = source + y &* width, out = scratch + y &* width
            var sum = Element.zero
            for x in 0..<r { sum += row[x] }
            var x = 0
            while x < width && x &- radius &- 1 < 0 {
                if x &+ radius < width { sum += row[x &+ radius] }
                out[x] = sum
                x &+= 1
            }
            while x &+ radius < width {
                sum += row[x &+ radius] - row[x &- radius &- 1]
                out[x] = sum
                x &+= 1
            }
            while x < width {
                sum -= row[x &- radius &- 1]
                out[x] = sum
                x &+= 1
            }
        }
        // Vertical: row y's sum is row (y−1)'s plus the row entering minus the row leaving.
        for x in 0..<width { destination[x] = .zero }
        for y in 0...min(radius, height &- 1) {
            let row = scratch + y &* width
            for x in 0..<width { destination[x] += row[x] }
        }
        for y in 1..<max(1, height) {
            let out = destination + y &* width, previous = out - width
            let entering = y &+ radius < height ? scratch + (y &+ radius) &* width : nil
            let leaving = y &- radius &- 1 >= 0 ? scratch + (y &- radius &- 1) &* width : nil
            switch (entering, leaving) {
            case let (enter?, leave?): for x in 0..<width { out[x] = previous[x] + enter[x] - leave[x] }
            case let (enter?, nil): for x in 0..<width { out[x] = previous[x] + enter[x] }
            case let (nil, leave?): for x in 0..<width { out[x] = previous[x] - leave[x] }
            case (nil, nil): for x in 0..<width { out[x] = previous[x] }
            }
        }
    }
}

/// What `BoxFilter` sums: `Float`, or `SIMD4<Float>` for four planes at once.
protocol BoxSummable {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func += (lhs: inout Self, rhs: Self)
    static func -= (lhs: inout Self, rhs: Self)
}

extension Float: BoxSummable {}
extension SIMD4: BoxSummable where Scalar == Float {}

/// Mean over the (2r+1)² window around each pixel, counting only pixels inside the image (so a
/// border pixel's window is smaller, never padded). Separable running sums; serial, for callers
/// that parallelize across planes or hypotheses.
enum BoxFilter {
    static func mean(_ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>,
                     width: Int, height: Int, radius: Int, scratch: UnsafeMutablePointer<Float>) {
        // Horizontal sums into scratch, then vertical sums of scratch into destination.
        for y in 0..<height {
            let row = source + y &* width, out = scratch + y &* width
            var sum: Float = 0
            for x in 0..<min(radius, width) { sum += row[x] }
            for x in 0..<width {
                if x &+ radius < width { sum += row[x &+ radius] }
                if x &- radius &- 1 >= 0 { sum -= row[x &- radius &- 1] }
                out[x] = sum
            }
        }
        for x in 0..<width { destination[x] = 0 }
        for y in 0..<min(radius, height) {
            let row = scratch + y &* width
            for x in 0..<width { destination[x] += row[x] }
        }
        // Row y's sum is row (y-1)'s plus the row entering minus the row leaving.
        for y in 0..<height {
            let out = destination + y &* width
            if y > 0 {
                let previous = destination + (y &- 1) &* width
                for x in 0..<width { out[x] = previous[x] }
            }
            if y &+ radius < height {
                let entering = scratch + (y &+ radius) &* width
                for x in 0..<width { out[x] += entering[x] }
            }
            if y &- radius &- 1 >= 0 {
                let leaving = scratch + (y &- radius &- 1) &* width
                for x in 0..<width { out[x] -= leaving[x] }
            }
        }
        for y in 0..<height {
            let rows = Float(min(y &+ radius, height &- 1) &- max(y &- radius, 0) &+ 1)
            let out = destination + y &* width
            for x in 0..<width {
                let columns = Float(min(x &+ radius, width &- 1) &- max(x &- radius, 0) &+ 1)
                out[x] /= rows * columns
            }
        }
    }
}

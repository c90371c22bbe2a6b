extension RGBImage {
    /// This image resampled to `newWidth`×`newHeight` by area averaging: each output pixel is the mean of the
    /// source area it covers, partly covered source pixels weighted by their share. Meant for shrinking
    /// (no aliasing); enlarging it blends only neighbouring pixels at block edges.
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBImage {
        precondition(newWidth > 0 && newHeight > 0, "resized needs a positive size, got \(newWidth)x\(newHeight)")
        if newWidth == width && newHeight == height { return self }
        let columns = AreaWeights(sourceCount: width, destinationCount: newWidth)
        let rows = AreaWeights(sourceCount: height, destinationCount: newHeight)
        // Horizontal pass: every source row, shrunk to newWidth pixels, kept in floats.
        let rowStride = newWidth &* 3
        var narrowed = [Float](repeating: 0, count: rowStride * height)
        pixels.withUnsafeBufferPointer { source in
            narrowed.withUnsafeMutableBufferPointer { destination in
                for y in 0..<height {
                    let sourceRow = source.baseAddress! + y &* width &* 3
                    let destinationRow = destination.baseAddress! + y &* rowStride
                    for x in 0..<newWidth {
                        var red: Float = 0, green: Float = 0, blue: Float = 0
                        columns.forEachTap(of: x) { index, weight in
                            let pixel = sourceRow + index &* 3
                            red += weight * Float(pixel[0])
                            green += weight * Float(pixel[1])
                            blue += weight * Float(pixel[2])
                        }
                        destinationRow[x &* 3] = red
                        destinationRow[x &* 3 &+ 1] = green
                        destinationRow[x &* 3 &+ 2] = blue
                    }
                }
            }
        }
        // Vertical pass: weighted sums of the narrowed rows, rounded to bytes.
        var output = [UInt8](repeating: 0, count: rowStride * newHeight)
        narrowed.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                var sums = [Float](repeating: 0, count: rowStride)
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 0..<newHeight {
                        sums.update(repeating: 0)
                        rows.forEachTap(of: y) { index, weight in
                            let sourceRow = source.baseAddress! + index &* rowStride
                            for sample in 0..<rowStride { sums[sample] += weight * sourceRow[sample] }
                        }
                        let destinationRow = destination.baseAddress! + y &* rowStride
                        for sample in 0..<rowStride { destinationRow[sample] = UInt8(min(max(sums[sample] + 0.5, 0), 255)) }
                    }
                }
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: output)
    }
}

/// Which source pixels each destination pixel of one axis covers, and by how much (weights sum to 1).
///
/// Exact in integers: source pixel i spans [i·d, (i+1)·d) and destination pixel j spans [j·s, (j+1)·s)
/// in units of 1/(s·d) of the axis, for s source and d destination pixels.
private struct AreaWeights {
    private let firstIndices: [Int]
    private let tapCounts: [Int]
    private let weights: [Float]
    private let maximumTaps: Int

    init(sourceCount: Int, destinationCount: Int) {
        maximumTaps = sourceCount / destinationCount + 2
        var firstIndices = [Int](repeating: 0, count: destinationCount)
        var tapCounts = [Int](repeating: 0, count: destinationCount)
        var weights = [Float](repeating: 0, count: destinationCount * maximumTaps)
        for destination in 0..<destinationCount {
            let start = destination * sourceCount, end = start + sourceCount
            let first = start / destinationCount, last = (end + destinationCount - 1) / destinationCount
            firstIndices[destination] = first
            tapCounts[destination] = last - first
            for index in first..<last {
                let overlap = min(end, (index + 1) * destinationCount) - max(start, index * destinationCount)
                weights[destination * maximumTaps + index - first] = Float(overlap) / Float(sourceCount)
            }
        }
        self.firstIndices = firstIndices
        self.tapCounts = tapCounts
        self.weights = weights
    }

    /// Calls `body` with each covered source index and its weight.
    @inline(__always)
    func forEachTap(of destination: Int, _ body: (Int, Float) -> Void) {
        let first = firstIndices[destination], base = destination &* maximumTaps
        for tap in 0..<tapCounts[destination] { body(first &+ tap, weights[base &+ tap]) }
    }
}

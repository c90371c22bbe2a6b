import VantageMedia

/// A 3×3 median over the finite values of a depth plane: removes isolated outliers and keeps
/// depth edges (a median never averages across them). Pixels without a value stay without one,
/// and pixels with fewer than five valued neighbours (including themselves) are kept as they are.
enum DepthMedian {
    /// Filters the pixels where `selected` is true (all pixels when it is `nil`).
    static func filtered(_ depth: [Float], width: Int, height: Int, where selected: [Bool]? = nil) -> [Float] {
        // A plane narrower or lower than 3 pixels has no pixel with a whole 3×3 neighbourhood.
        guard width >= 3, height >= 3 else { return depth }
        var result = depth
        result.withUnsafeMutableBufferPointer { output in
            let shared = BandSharedBuffer(output)
            depth.withUnsafeBufferPointer { input in
                let source = SourcePixels.SharedPlane(input)
                forEachChunk(of: height) { rows in
                    var window = [Float](repeating: 0, count: 9)
                    for y in rows where y > 0 && y < height - 1 {
                        for x in 1..<(width - 1) where source.values[y &* width &+ x].isFinite && selected?[y &* width &+ x] ?? true {
                            var count = 0
                            for dy in -1...1 {
                                for dx in -1...1 {
                                    let value = source.values[(y &+ dy) &* width &+ x &+ dx]
                                    if value.isFinite { window[count] = value; count &+= 1 }
                                }
                            }
                            guard count >= 5 else { continue }
                            // Insertion sort: at most nine values, no allocation.
                            for i in 1..<count {
                                let value = window[i]
                                var j = i
                                while j > 0 && window[j - 1] > value { window[j] = window[j - 1]; j -= 1 }
                                window[j] = value
                            }
                            shared.base[y &* width &+ x] = window[count / 2]
                        }
                    }
                }
            }
        }
        return result
    }
}

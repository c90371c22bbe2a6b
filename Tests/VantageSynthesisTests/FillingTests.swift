import Testing
@testable import VantageSample
@testable import VantageSynthesis

/// `PushPull.fill`: pixels with weight are never changed; holes take values from their
/// surroundings (exactly the surround's value where it is constant, smoothly between differing
/// regions).
@Suite struct PushPullTests {
    @Test func weightedPixelsAreNeverChanged() {
        let width = 13, height = 9, planeSize = width * height
        var generator = SplitMix64(seed: 11)
        let original = (0..<(2 * planeSize)).map { _ in generator.uniform(0...1) }
        // Every third pixel is a hole; weights vary.
        let weights = (0..<planeSize).map { $0 % 3 == 0 ? Float(0) : 0.2 + generator.uniform(0...1) }
        var planes = original
        PushPull.fill(&planes, channels: 2, weights: weights, width: width, height: height)
        for channel in 0..<2 {
            for pixel in 0..<planeSize where weights[pixel] > 0 {
                #expect(planes[channel * planeSize + pixel] == original[channel * planeSize + pixel])
            }
        }
        // And the holes did get filled, with values within the known range.
        let holes = (0..<planeSize).filter { weights[$0] == 0 }
        #expect(holes.allSatisfy { planes[$0] >= 0 && planes[$0] <= 1 && planes[$0] != original[$0] })
    }

    @Test func isolatedHoleTakesTheConstantSurround() {
        let width = 9, height = 7, planeSize = width * height, hole = 3 * width + 4
        var planes = [Float](repeating: 0.25, count: planeSize) + [Float](repeating: 0.75, count: planeSize)
        planes[hole] = 99
        planes[planeSize + hole] = -99
        var weights = [Float](repeating: 1, count: planeSize)
        weights[hole] = 0
        PushPull.fill(&planes, channels: 2, weights: weights, width: width, height: height)
        #expect(abs(planes[hole] - 0.25) < 1e-6)
        #expect(abs(planes[planeSize + hole] - 0.75) < 1e-6)
    }

    @Test func largeHoleBlendsSmoothlyBetweenTwoHalves() {
        // Left quarter 0, right quarter 1, the middle half unknown (also non-finite weights count as holes).
        let width = 32, height = 16, planeSize = width * height
        var planes = [Float](repeating: .nan, count: planeSize)
        var weights = [Float](repeating: 0, count: planeSize)
        for y in 0..<height {
            for x in 0..<width where x < 8 || x >= 24 {
                planes[y * width + x] = x < 8 ? 0 : 1
                weights[y * width + x] = 1
            }
            weights[y * width + 12] = .nan
        }
        PushPull.fill(&planes, channels: 1, weights: weights, width: width, height: height)
        for y in 0..<height {
            let row = (8..<24).map { planes[y * width + $0] }
            #expect(row.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "row \(y) leaves [0, 1]")
            #expect(zip(row, row.dropFirst()).allSatisfy { $0 <= $1 + 1e-6 }, "row \(y) is not monotonic")
            #expect(row.first! < 0.5 && row.last! > 0.5, "row \(y) does not go from dark to bright")
        }
        #expect((0..<planeSize).allSatisfy { weights[$0] == 1 ? planes[$0] == (($0 % width) < 8 ? 0 : 1) : true })
    }

    @Test func nothingToFillFromLeavesPlanesAlone() {
        var planes: [Float] = [1, 2, 3, 4]
        PushPull.fill(&planes, channels: 1, weights: [0, 0, 0, 0], width: 2, height: 2)
        #expect(planes == [1, 2, 3, 4])
    }
}

/// `DepthMedian.filtered`: a 3×3 median over finite values that removes isolated outliers, keeps
/// step edges, never gives a value to a pixel without one, and matches a straightforward reference.
@Suite struct DepthMedianTests {
    @Test func removesASingleOutlierInAPlane() {
        let width = 7, height = 6
        var depth = [Float](repeating: 4, count: width * height)
        depth[2 * width + 3] = 40
        let filtered = DepthMedian.filtered(depth, width: width, height: height)
        #expect(filtered.allSatisfy { $0 == 4 })
    }

    /// A plane 1 or 2 pixels wide or high (a 1×90 render) has no whole 3×3 window: left as it is
    /// (it used to trap on an empty column range; schemathesis found it through GET /api/render).
    @Test(arguments: [(1, 90), (90, 1), (1, 1), (2, 2), (2, 5), (5, 2)])
    func planesWithoutAWholeWindowAreLeftAlone(_ width: Int, _ height: Int) {
        let depth = (0..<(width * height)).map { Float($0 % 3 + 1) }
        #expect(DepthMedian.filtered(depth, width: width, height: height) == depth)
    }

    @Test func keepsAStepEdgeExactly() {
        let width = 10, height = 6
        let depth = (0..<(width * height)).map { Float($0 % width < 5 ? 3 : 8) }
        #expect(DepthMedian.filtered(depth, width: width, height: height) == depth)
    }

    @Test func pixelsWithoutDepthStayWithout() {
        let width = 8, height = 8
        var depth = [Float](repeating: 5, count: width * height)
        // An infinite pixel inside a finite plane, and a finite pixel inside an infinite region.
        depth[3 * width + 3] = .infinity
        for y in 4..<8 { for x in 4..<8 { depth[y * width + x] = .infinity } }
        depth[6 * width + 6] = 7
        let filtered = DepthMedian.filtered(depth, width: width, height: height)
        #expect(filtered[3 * width + 3] == .infinity)
        #expect((0..<(width * height)).allSatisfy { depth[$0].isFinite || filtered[$0] == .infinity })
        // The lone finite pixel has fewer than five valued neighbours: kept as it is.
        #expect(filtered[6 * width + 6] == 7)
    }

    @Test func matchesASlowReferenceOnANoisyPlane() {
        let width = 23, height = 17
        var generator = SplitMix64(seed: 2024)
        let depth = (0..<(width * height)).map { pixel -> Float in
            let x = Float(pixel % width), y = Float(pixel / width)
            let roll = generator.uniform(0...1)
            if roll < 0.1 { return .infinity }
            if roll < 0.2 { return 50 * generator.uniform(0...1) }
            return 3 + 0.05 * x + 0.02 * y + 0.01 * generator.uniform(0...1)
        }
        let filtered = DepthMedian.filtered(depth, width: width, height: height)
        let reference = Self.referenceMedian(depth, width: width, height: height)
        let differing = (0..<(width * height)).filter { filtered[$0] != reference[$0] }
        #expect(differing.isEmpty, "\(differing.count) pixels differ, first at \(differing.first ?? -1)")
        #expect(filtered != depth, "the noisy plane should have been changed somewhere")
    }

    /// The documented behaviour, written plainly: interior finite pixels with at least five finite
    /// values in their 3×3 window take the upper median of those values; all others are kept.
    static func referenceMedian(_ depth: [Float], width: Int, height: Int) -> [Float] {
        var result = depth
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) where depth[y * width + x].isFinite {
                var values: [Float] = []
                for dy in -1...1 {
                    for dx in -1...1 where depth[(y + dy) * width + x + dx].isFinite {
                        values.append(depth[(y + dy) * width + x + dx])
                    }
                }
                guard values.count >= 5 else { continue }
                result[y * width + x] = values.sorted()[values.count / 2]
            }
        }
        return result
    }
}

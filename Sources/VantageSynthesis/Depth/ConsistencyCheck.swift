import VantageMedia

/// The left-right check generalised to any neighbour: each neighbour pixel takes, among all
/// (reference pixel, plane) pairs that project onto it, the one with the lowest aggregated cost,
/// as a left-right check does with the right image's disparities. A reference pixel is consistent
/// with a neighbour when the neighbour pixel it projects to chose the same plane, within
/// `tolerance` planes (a pixel of epipolar travel at the default plane spacing). Occluded pixels
/// fail: the occluder wins the neighbour pixel.
enum ConsistencyCheck {
    static let tolerance: Float = 2

    /// Share of the neighbours that see each reference pixel and agree with its plane; 0 where none sees it.
    static func agreement(aggregated: CostVolume, positions: [Float], reference: ViewLevel, neighbours: [ViewLevel],
                          inverseDepths: [Float]) -> [Float] {
        let width = aggregated.width, height = aggregated.height, count = width * height
        let projections = neighbours.map { PlaneProjection(reference: reference.camera, neighbour: $0.camera) }
        let winners = neighbours.indices.map { index in
            winningPlanes(aggregated: aggregated, projection: projections[index], neighbour: neighbours[index], inverseDepths: inverseDepths)
        }
        let step = inverseDepths.count > 1 ? inverseDepths[1] - inverseDepths[0] : 0
        var agreement = [Float](repeating: 0, count: count)
        for y in 0..<height {
            for x in 0..<width {
                let pixel = y * width + x, position = positions[pixel]
                let inverseDepth = inverseDepths[0] + position * step
                var seen = 0, agreeing = 0
                for (index, neighbour) in neighbours.enumerated() {
                    guard let target = Self.pixel(of: projections[index], x: x, y: y, inverseDepth: inverseDepth, in: neighbour)
                    else { continue }
                    seen += 1
                    let winner = winners[index][target]
                    if winner >= 0 && abs(Float(winner) - position) <= tolerance { agreeing += 1 }
                }
                agreement[pixel] = seen > 0 ? Float(agreeing) / Float(seen) : 0
            }
        }
        return agreement
    }

    /// The plane that wins each pixel of `neighbour` (−1 where no reference pixel lands). Bands of
    /// reference rows scatter into grids of their own in parallel; the grids are then merged.
    private static func winningPlanes(aggregated: CostVolume, projection: PlaneProjection, neighbour: ViewLevel,
                                      inverseDepths: [Float]) -> [Int32] {
        let width = aggregated.width, height = aggregated.height, planes = aggregated.planes
        let targets = neighbour.width * neighbour.height
        let bands = min(height, 2 * ProcessInfoCores.count)
        var costs = [Float](repeating: .infinity, count: bands * targets)
        var winners = [Int32](repeating: -1, count: bands * targets)
        costs.withUnsafeMutableBufferPointer { costBuffer in
            winners.withUnsafeMutableBufferPointer { winnerBuffer in
                let sharedCosts = BandSharedBuffer(costBuffer), sharedWinners = BandSharedBuffer(winnerBuffer)
                forEachChunk(of: bands, chunksPerCore: 2) { chunk in
                    aggregated.values.withUnsafeBufferPointer { volumeBuffer in
                        inverseDepths.withUnsafeBufferPointer { inverseBuffer in
                            let volume = volumeBuffer.baseAddress!, inverse = inverseBuffer.baseAddress!
                            for band in chunk {
                                let bestCost = sharedCosts.base + band &* targets, bestPlane = sharedWinners.base + band &* targets
                                for y in (height * band / bands)..<(height * (band + 1) / bands) {
                                    for x in 0..<width {
                                        let base = (y &* width &+ x) &* planes
                                        for plane in 0..<planes {
                                            guard let target = pixel(of: projection, x: x, y: y, inverseDepth: inverse[plane], in: neighbour)
                                            else { continue }
                                            let cost = volume[base &+ plane]
                                            if cost < bestCost[target] {
                                                bestCost[target] = cost
                                                bestPlane[target] = Int32(truncatingIfNeeded: plane)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var merged = [Int32](repeating: -1, count: targets)
        for target in 0..<targets {
            var best = Float.infinity
            for band in 0..<bands where costs[band * targets + target] < best {
                best = costs[band * targets + target]
                merged[target] = winners[band * targets + target]
            }
        }
        return merged
    }

    /// Index of the neighbour pixel nearest to where reference pixel (x, y) projects; `nil` off-image.
    @inline(__always)
    private static func pixel(of projection: PlaneProjection, x: Int, y: Int, inverseDepth: Float, in neighbour: ViewLevel) -> Int? {
        guard let q = projection.project(x: Float(x), y: Float(y), inverseDepth: inverseDepth),
              q.x >= -0.5, q.y >= -0.5, q.x < Float(neighbour.width) - 0.5, q.y < Float(neighbour.height) - 0.5 else { return nil }
        // Non-negative, so truncation rounds down.
        let column = Int(q.x + 0.5), row = Int(q.y + 0.5)
        return row &* neighbour.width &+ column
    }
}

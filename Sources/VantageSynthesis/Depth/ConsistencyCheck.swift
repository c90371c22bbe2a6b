import VantageMedia

/// The left-right check generalised to any neighbour: each neighbour pixel takes, among all
/// (reference pixel, plane) pairs that project onto it, the one with the lowest aggregated cost,
/// as a left-right check does with the right image's disparities. A reference pixel is consistent
/// with a neighbour when the neighbour pixel it projects to chose (within one plane) the same
/// plane (within `tolerance` planes: a pixel of epipolar travel at the default plane spacing).
/// Occluded pixels fail: the occluder wins the neighbour pixel.
enum ConsistencyCheck {
    static let tolerance: Float = 2

    /// Share of the neighbours that see each reference pixel and agree with its plane; 0 where none sees it.
    static func agreement(aggregated: CostVolume, positions: [Float], reference: ViewLevel, neighbours: [ViewLevel],
                          inverseDepths: [Float]) -> [Float] {
        let width = aggregated.width, height = aggregated.height, planes = aggregated.planes, count = width * height
        // Per neighbour: the winning plane of each of its pixels (-1 when no reference pixel lands there).
        let projections = neighbours.map { PlaneProjection(reference: reference.camera, neighbour: $0.camera) }
        var winners = [[Int32]](repeating: [], count: neighbours.count)
        winners.withUnsafeMutableBufferPointer { winnerBuffer in
          let shared = BandSharedBuffer(winnerBuffer)
          forEachChunk(of: neighbours.count, chunksPerCore: 1) { chunk in
            for index in chunk {
                let neighbour = neighbours[index], projection = projections[index]
                var bestCost = [Float](repeating: .infinity, count: neighbour.width * neighbour.height)
                var bestPlane = [Int32](repeating: -1, count: bestCost.count)
                aggregated.values.withUnsafeBufferPointer { volume in
                    for y in 0..<height {
                        for x in 0..<width {
                            let base = (y &* width &+ x) &* planes
                            for plane in 0..<planes {
                                guard let target = pixel(of: projection, x: x, y: y, inverseDepth: inverseDepths[plane], in: neighbour)
                                else { continue }
                                let cost = volume[base &+ plane]
                                if cost < bestCost[target] {
                                    bestCost[target] = cost
                                    bestPlane[target] = Int32(plane)
                                }
                            }
                        }
                    }
                }
                shared.base[index] = bestPlane
            }
          }
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

    /// Index of the neighbour pixel nearest to where reference pixel (x, y) projects; `nil` off-image.
    @inline(__always)
    private static func pixel(of projection: PlaneProjection, x: Int, y: Int, inverseDepth: Float, in neighbour: ViewLevel) -> Int? {
        guard let q = projection.project(x: Float(x), y: Float(y), inverseDepth: inverseDepth) else { return nil }
        let column = Int((q.x + 0.5).rounded(.down)), row = Int((q.y + 0.5).rounded(.down))
        guard column >= 0, row >= 0, column < neighbour.width, row < neighbour.height else { return nil }
        return row &* neighbour.width &+ column
    }
}

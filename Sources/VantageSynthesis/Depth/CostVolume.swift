import VantageMedia

/// Matching costs of every reference pixel at every inverse-depth plane, pixel-major
/// (`values[pixel * planes + plane]`), so that aggregation and selection read one pixel's costs contiguously.
struct CostVolume: Sendable {
    let width: Int
    let height: Int
    let planes: Int
    var values: [Float]

    init(width: Int, height: Int, planes: Int, values: [Float]) {
        precondition(values.count == width * height * planes, "CostVolume needs width·height·planes values")
        self.width = width
        self.height = height
        self.planes = planes
        self.values = values
    }

    /// Sweeps the reference against every neighbour over `inverseDepths` (plane k at 1/z = inverseDepths[k]),
    /// combining neighbours with `NeighbourCombination`; planes run in parallel.
    static func sweep(_ cost: MatchingCost, neighbours: [ViewLevel], inverseDepths: [Float]) -> CostVolume {
        let reference = cost.reference, count = reference.width * reference.height, planes = inverseDepths.count
        let projections = neighbours.map { PlaneProjection(reference: reference.camera, neighbour: $0.camera) }
        var values = [Float](repeating: 0, count: count * planes)
        values.withUnsafeMutableBufferPointer { buffer in
            let volume = BandSharedBuffer(buffer)
            forEachChunk(of: planes, chunksPerCore: 2) { chunk in
                var perNeighbour = [Float](repeating: 0, count: count * neighbours.count)
                var gathered = [Float](repeating: 0, count: neighbours.count)
                let workspace = MatchingCost.Workspace(width: reference.width, rows: reference.height, radius: cost.windowRadius)
                perNeighbour.withUnsafeMutableBufferPointer { costs in
                    gathered.withUnsafeMutableBufferPointer { gatheredBuffer in
                        let costs = costs.baseAddress!, gather = gatheredBuffer.baseAddress!
                        for plane in chunk {
                            for (index, neighbour) in neighbours.enumerated() {
                                cost.cost(of: neighbour, projection: projections[index], field: .constant(inverseDepths[plane]), rows: 0..<reference.height,
                                          into: costs + index &* count, workspace: workspace)
                            }
                            for pixel in 0..<count {
                                for index in 0..<neighbours.count { gather[index] = costs[index &* count &+ pixel] }
                                volume.base[pixel &* planes &+ plane] = NeighbourCombination.combine(gather, count: neighbours.count)
                            }
                        }
                    }
                }
            }
        }
        return CostVolume(width: reference.width, height: reference.height, planes: planes, values: values)
    }
}

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
    /// combining neighbours with `NeighbourCombination`; bands of rows run in parallel.
    static func sweep(_ cost: MatchingCost, neighbours: [ViewLevel], inverseDepths: [Float]) -> CostVolume {
        let reference = cost.reference, width = reference.width, height = reference.height, planes = inverseDepths.count
        let bandCount = (height + bandRows - 1) / bandRows
        var values = [Float](repeating: 0, count: width * height * planes)
        values.withUnsafeMutableBufferPointer { buffer in
            let volume = BandSharedBuffer(buffer)
            forEachChunk(of: bandCount) { bands in
                let worker = BandCosts(cost: cost, neighbours: neighbours, bandRows: bandRows)
                for band in bands {
                    let rows = band * bandRows..<min(height, (band + 1) * bandRows)
                    worker.compute(rows: rows, hypotheses: planes, field: { .constant(inverseDepths[$0]) },
                                   into: volume.base + rows.lowerBound * width * planes)
                }
            }
        }
        return CostVolume(width: width, height: height, planes: planes, values: values)
    }

    /// Rows per band of the sweep.
    static let bandRows = 16
}

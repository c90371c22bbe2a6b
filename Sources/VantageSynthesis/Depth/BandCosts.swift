/// Combined matching costs of one band of reference rows for several hypotheses, what the sweep
/// and the refinements share. Working band by band keeps the buffers in cache and gives every core
/// work. One per thread: it owns its scratch memory.
final class BandCosts {
    let cost: MatchingCost
    let neighbours: [ViewLevel]
    private let projections: [PlaneProjection]
    private let workspace: MatchingCost.Workspace
    private var perNeighbour: [Float]
    private var gathered: [Float]

    init(cost: MatchingCost, neighbours: [ViewLevel], bandRows: Int) {
        self.cost = cost
        self.neighbours = neighbours
        projections = neighbours.map { PlaneProjection(reference: cost.reference.camera, neighbour: $0.camera) }
        workspace = MatchingCost.Workspace(width: cost.reference.width, rows: bandRows, radius: cost.windowRadius)
        perNeighbour = [Float](repeating: 0, count: bandRows * cost.reference.width * neighbours.count)
        gathered = [Float](repeating: 0, count: neighbours.count)
    }

    /// For each pixel i of `rows` (counted from the band's first pixel) and each hypothesis h,
    /// writes the cost combined over neighbours (`NeighbourCombination`) at `output[i * hypotheses + h]`,
    /// matching with the inverse depths `field(h)`.
    func compute(rows: Range<Int>, hypotheses: Int, field: (Int) -> InverseDepthField, into output: UnsafeMutablePointer<Float>) {
        let pixels = rows.count * cost.reference.width, count = neighbours.count
        perNeighbour.withUnsafeMutableBufferPointer { perNeighbourBuffer in
            gathered.withUnsafeMutableBufferPointer { gatheredBuffer in
                let costs = perNeighbourBuffer.baseAddress!, gather = gatheredBuffer.baseAddress!
                for hypothesis in 0..<hypotheses {
                    let inverseDepths = field(hypothesis)
                    for (index, neighbour) in neighbours.enumerated() {
                        cost.cost(of: neighbour, projection: projections[index], field: inverseDepths, rows: rows,
                                  into: costs + index &* pixels, workspace: workspace)
                    }
                    for pixel in 0..<pixels {
                        for index in 0..<count { gather[index] = costs[index &* pixels &+ pixel] }
                        output[pixel &* hypotheses &+ hypothesis] = NeighbourCombination.combine(gather, count: count)
                    }
                }
            }
        }
    }
}

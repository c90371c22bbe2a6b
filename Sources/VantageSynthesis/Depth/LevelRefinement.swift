import VantageMedia

/// Carries inverse depth one pyramid level finer: an edge-aware upsampling (each fine pixel takes
/// the value of whichever of its four nearest coarse pixels looks most like it), then a narrow
/// search of `hypotheses` inverse depths `step` apart around that value, with sub-hypothesis refinement.
struct LevelRefinement: Sendable {
    let hypotheses: Int
    let windowRadius: Int
    let blankDeviation: Float

    /// Inverse depth (NaN for backdrop) and confidence of `fine`, from those of `coarse`.
    func refine(inverseDepth coarseInverse: FloatPlane, confidence coarseConfidence: FloatPlane, coarse: ViewLevel,
                fine: ViewLevel, neighbours: [ViewLevel], step: Float) -> (inverseDepth: FloatPlane, confidence: FloatPlane) {
        let (upsampled, confidence) = Self.upsample(coarseInverse, coarseConfidence, coarse: coarse, fine: fine)
        var inverse = upsampled
        let count = fine.width * fine.height, hypotheses = hypotheses
        let cost = MatchingCost(reference: fine, windowRadius: windowRadius, blankDeviation: blankDeviation)
        let projections = neighbours.map { PlaneProjection(reference: fine.camera, neighbour: $0.camera) }
        var costs = [Float](repeating: 0, count: count * hypotheses)
        let centre = hypotheses / 2
        let startValues = inverse.values
        costs.withUnsafeMutableBufferPointer { costBuffer in
                let volume = BandSharedBuffer(costBuffer)
                forEachChunk(of: hypotheses, chunksPerCore: 3) { chunk in
                  startValues.withUnsafeBufferPointer { startBuffer in
                    let start = startBuffer.baseAddress!
                    var perNeighbour = [Float](repeating: 0, count: count * neighbours.count)
                    var gathered = [Float](repeating: 0, count: neighbours.count)
                    perNeighbour.withUnsafeMutableBufferPointer { perNeighbourBuffer in
                        gathered.withUnsafeMutableBufferPointer { gatheredBuffer in
                            let costs = perNeighbourBuffer.baseAddress!, gather = gatheredBuffer.baseAddress!
                            for hypothesis in chunk {
                                let field = InverseDepthField.perPixel(start, offset: Float(hypothesis - centre) * step)
                                for (index, neighbour) in neighbours.enumerated() {
                                    cost.cost(of: neighbour, projection: projections[index], field: field, into: costs + index &* count)
                                }
                                for pixel in 0..<count {
                                    for index in 0..<neighbours.count { gather[index] = costs[index &* count &+ pixel] }
                                    volume.base[pixel &* hypotheses &+ hypothesis] = NeighbourCombination.combine(gather, count: neighbours.count)
                                }
                            }
                        }
                    }
                  }
                }
        }
        let choice = costs.withUnsafeBufferPointer { HypothesisChoice.choose($0.baseAddress!, pixels: count, hypotheses: hypotheses) }
        for pixel in 0..<count where !inverse.values[pixel].isNaN {
            inverse.values[pixel] += (choice.position[pixel] - Float(centre)) * step
        }
        return (inverse, confidence)
    }

    /// Joint upsampling guided by the fine luma; backdrop (NaN) candidates are used only when all four are.
    static func upsample(_ inverse: FloatPlane, _ confidence: FloatPlane, coarse: ViewLevel, fine: ViewLevel)
        -> (FloatPlane, FloatPlane) {
        var upInverse = FloatPlane(width: fine.width, height: fine.height), upConfidence = upInverse
        let cw = coarse.width, ch = coarse.height
        for y in 0..<fine.height {
            let cy = (Float(y) + 0.5) / 2 - 0.5
            let y0 = min(max(Int(cy.rounded(.down)), 0), ch - 1), y1 = min(y0 + 1, ch - 1)
            for x in 0..<fine.width {
                let cx = (Float(x) + 0.5) / 2 - 0.5
                let x0 = min(max(Int(cx.rounded(.down)), 0), cw - 1), x1 = min(x0 + 1, cw - 1)
                let intensity = fine.luma.values[y * fine.width + x]
                var chosen = -1, chosenScore = Float.infinity
                for candidate in [y0 * cw + x0, y0 * cw + x1, y1 * cw + x0, y1 * cw + x1] {
                    let cx = Float(candidate % cw), cy = Float(candidate / cw)
                    let distance = abs(cx - (Float(x) + 0.5) / 2 + 0.5) + abs(cy - (Float(y) + 0.5) / 2 + 0.5)
                    var score = abs(coarse.luma.values[candidate] - intensity) + 0.01 * distance
                    if inverse.values[candidate].isNaN { score += 10 }
                    if score < chosenScore { chosenScore = score; chosen = candidate }
                }
                upInverse.values[y * fine.width + x] = inverse.values[chosen]
                upConfidence.values[y * fine.width + x] = confidence.values[chosen]
            }
        }
        return (upInverse, upConfidence)
    }
}

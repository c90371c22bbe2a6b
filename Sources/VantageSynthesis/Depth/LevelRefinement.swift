import VantageMedia

/// Carries inverse depth one pyramid level finer: an edge-aware upsampling (each fine pixel takes
/// the value of whichever of its four nearest coarse pixels looks most like it), then a narrow
/// search of `hypotheses` inverse depths `step` apart around that value, with sub-hypothesis
/// refinement (none when `hypotheses` is 1).
struct LevelRefinement: Sendable {
    let hypotheses: Int
    let windowRadius: Int
    let blankDeviation: Float

    /// Rows per band of the refinement.
    static let bandRows = 16

    /// Inverse depth (NaN for backdrop) and confidence of `fine`, from those of `coarse`.
    func refine(inverseDepth coarseInverse: FloatPlane, confidence coarseConfidence: FloatPlane, coarse: ViewLevel,
                fine: ViewLevel, neighbours: [ViewLevel], step: Float) -> (inverseDepth: FloatPlane, confidence: FloatPlane) {
        let (upsampled, confidence) = Self.upsample(coarseInverse, coarseConfidence, coarse: coarse, fine: fine)
        guard hypotheses > 1 else { return (upsampled, confidence) }
        let width = fine.width, height = fine.height, hypotheses = hypotheses, centre = hypotheses / 2
        let cost = MatchingCost(reference: fine, windowRadius: windowRadius, blankDeviation: blankDeviation)
        let bandRows = Self.bandRows, bandCount = (height + bandRows - 1) / bandRows
        let start = upsampled.values
        var refined = upsampled
        refined.values.withUnsafeMutableBufferPointer { refinedBuffer in
            let output = BandSharedBuffer(refinedBuffer)
            forEachChunk(of: bandCount) { bands in
                let worker = BandCosts(cost: cost, neighbours: neighbours, bandRows: bandRows)
                var bandCosts = [Float](repeating: 0, count: bandRows * width * hypotheses)
                start.withUnsafeBufferPointer { startBuffer in
                    bandCosts.withUnsafeMutableBufferPointer { bandCostBuffer in
                        let inverse = startBuffer.baseAddress!, combined = bandCostBuffer.baseAddress!
                        for band in bands {
                            let rows = band * bandRows..<min(height, (band + 1) * bandRows), first = rows.lowerBound * width
                            worker.compute(rows: rows, hypotheses: hypotheses,
                                           field: { .perPixel(inverse, offset: Float($0 - centre) * step) }, into: combined)
                            let choice = HypothesisChoice.choose(combined, pixels: rows.count * width, hypotheses: hypotheses)
                            for pixel in 0..<rows.count * width where !inverse[first + pixel].isNaN {
                                output.base[first + pixel] = inverse[first + pixel] + (choice.position[pixel] - Float(centre)) * step
                            }
                        }
                    }
                }
            }
        }
        return (refined, confidence)
    }

    /// Joint upsampling guided by the fine luma; backdrop (NaN) candidates are used only when all four are.
    static func upsample(_ inverse: FloatPlane, _ confidence: FloatPlane, coarse: ViewLevel, fine: ViewLevel)
        -> (FloatPlane, FloatPlane) {
        var upInverse = FloatPlane(width: fine.width, height: fine.height), upConfidence = upInverse
        let cw = coarse.width, ch = coarse.height, fw = fine.width
        for y in 0..<fine.height {
            // Fine pixel centres map to coarse ones as (fine + 0.5) / 2 − 0.5.
            let cy = (Float(y) + 0.5) / 2 - 0.5
            let y0 = min(max(Int((cy + 1).rounded(.down)) - 1, 0), ch - 1), y1 = min(y0 + 1, ch - 1)
            for x in 0..<fw {
                let cx = (Float(x) + 0.5) / 2 - 0.5
                let x0 = min(max(Int((cx + 1).rounded(.down)) - 1, 0), cw - 1), x1 = min(x0 + 1, cw - 1)
                let intensity = fine.luma.values[y * fw + x]
                var chosen = y0 * cw + x0, chosenScore = Float.infinity
                for (candidateX, candidateY) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
                    let candidate = candidateY * cw + candidateX
                    let distance = abs(Float(candidateX) - cx) + abs(Float(candidateY) - cy)
                    var score = abs(coarse.luma.values[candidate] - intensity) + 0.01 * distance
                    if inverse.values[candidate].isNaN { score += 10 }
                    if score < chosenScore { chosenScore = score; chosen = candidate }
                }
                upInverse.values[y * fw + x] = inverse.values[chosen]
                upConfidence.values[y * fw + x] = confidence.values[chosen]
            }
        }
        return (upInverse, upConfidence)
    }
}

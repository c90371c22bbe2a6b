import VantageGeometry
import VantageMedia

/// Multi-view plane-sweep stereo for one source camera against its neighbours.
///
/// At a coarse pyramid level: a sweep over inverse-depth planes between the range's ends with a
/// ZNCC cost (blank windows compare means), semi-global aggregation with edge-aware penalties,
/// the best plane per pixel refined between planes, and a generalised left-right check against
/// every neighbour. Then, level by level up to full size: edge-aware upsampling and a narrow
/// search around it. Confidence = (share of neighbours that agree) × (0.5 + 0.5 × distinctiveness).
public struct PlaneSweepDepth: Sendable {
    public let options: DepthOptions

    /// The sweep's level is never narrower or lower than this many pixels.
    static let smallestCoarseSide = 16

    public init(options: DepthOptions = DepthOptions()) throws(SynthesisError) {
        try options.validate()
        self.options = options
    }

    /// Depth of `reference` from `neighbours` (pinhole SourceViews, any sizes, coverage = alpha mask may be non-nil:
    /// pixels with coverage < 0.5 are backdrop → depth +inf, confidence 0). Only the first
    /// `options.neighbourCount` neighbours are used; without any, every depth is unknown.
    public func estimate(reference: SourceView, neighbours: [SourceView], range: DepthRange) -> DepthEstimate {
        let width = reference.image.width, height = reference.image.height
        let partners = Array(neighbours.prefix(options.neighbourCount))
        guard !partners.isEmpty else {
            return DepthEstimate(depth: DepthMap(width: width, height: height), confidence: [Float](repeating: 0, count: width * height))
        }
        var coarseLevel = 0
        while width >> coarseLevel > options.maximumSweepWidth && min(width, height) >> (coarseLevel + 1) >= Self.smallestCoarseSide {
            coarseLevel += 1
        }
        let referenceLevels = ViewLevel.pyramid(of: reference, levels: coarseLevel + 1)
        let neighbourLevels = partners.map { ViewLevel.pyramid(of: $0, levels: coarseLevel + 1) }

        let coarse = referenceLevels[coarseLevel], coarseNeighbours = neighbourLevels.map { $0[coarseLevel] }
        let farInverse = Float(1 / range.far), nearInverse = Float(1 / range.near)
        let planes = planeCount(reference: coarse, neighbours: coarseNeighbours, farInverse: farInverse, nearInverse: nearInverse)
        let step = (nearInverse - farInverse) / Float(planes - 1)
        let inverseDepths = (0..<planes).map { farInverse + Float($0) * step }

        let cost = MatchingCost(reference: coarse, windowRadius: options.windowRadius, blankDeviation: options.blankWindowDeviation)
        let volume = CostVolume.sweep(cost, neighbours: coarseNeighbours, inverseDepths: inverseDepths)
        let aggregation = SemiGlobalAggregation(smallPenalty: options.smallJumpPenalty, largePenalty: options.largeJumpPenalty,
                                                pathCount: options.aggregationPaths)
        let aggregated = aggregation.aggregate(volume, luma: coarse.luma)
        let choice = aggregated.values.withUnsafeBufferPointer {
            HypothesisChoice.choose($0.baseAddress!, pixels: coarse.width * coarse.height, hypotheses: planes)
        }
        let agreement = ConsistencyCheck.agreement(aggregated: aggregated, positions: choice.position, reference: coarse,
                                                   neighbours: coarseNeighbours, inverseDepths: inverseDepths)
        var inverse = FloatPlane(width: coarse.width, height: coarse.height)
        var confidence = inverse
        for pixel in 0..<inverse.values.count {
            let isContent = coarse.coverage.values[pixel] >= 0.5
            inverse.values[pixel] = isContent ? farInverse + choice.position[pixel] * step : .nan
            confidence.values[pixel] = isContent ? agreement[pixel] * (0.5 + 0.5 * choice.distinctiveness[pixel]) : 0
        }

        for level in stride(from: coarseLevel - 1, through: 0, by: -1) {
            let refinement = LevelRefinement(hypotheses: level == 0 ? options.fullSizeHypotheses : options.refinementHypotheses,
                                             windowRadius: options.windowRadius, blankDeviation: options.blankWindowDeviation)
            (inverse, confidence) = refinement.refine(
                inverseDepth: inverse, confidence: confidence, coarse: referenceLevels[level + 1], fine: referenceLevels[level],
                neighbours: neighbourLevels.map { $0[level] }, step: step / Float(1 << (coarseLevel - level)))
        }

        let full = referenceLevels[0]
        var depth = [Float](repeating: .infinity, count: width * height)
        var trust = [Float](repeating: 0, count: width * height)
        for pixel in 0..<depth.count where full.coverage.values[pixel] >= 0.5 {
            let w = inverse.values[pixel]
            guard w.isFinite, w > 0 else { continue }
            depth[pixel] = 1 / w
            trust[pixel] = confidence.values[pixel]
        }
        return DepthEstimate(depth: DepthMap(width: width, height: height, values: depth), confidence: trust)
    }

    /// Planes for `options.planeSpacing`: the longest stretch of epipolar line, between the far and
    /// near ends of the range, over a grid of reference pixels and every neighbour (at the sweep's level).
    func planeCount(reference: ViewLevel, neighbours: [ViewLevel], farInverse: Float, nearInverse: Float) -> Int {
        var longest: Float = 0
        for neighbour in neighbours {
            let projection = PlaneProjection(reference: reference.camera, neighbour: neighbour.camera)
            for gridY in 0...4 {
                for gridX in 0...4 {
                    let x = Float(reference.width - 1) * Float(gridX) / 4, y = Float(reference.height - 1) * Float(gridY) / 4
                    guard let far = projection.project(x: x, y: y, inverseDepth: farInverse),
                          let near = projection.project(x: x, y: y, inverseDepth: nearInverse) else { continue }
                    let stretch = ((near - far) * (near - far)).sum().squareRoot()
                    if stretch.isFinite { longest = max(longest, stretch) }
                }
            }
        }
        let wanted = (longest / options.planeSpacing).rounded(.up) + 1
        return Int(min(max(wanted, 16), Float(options.maximumPlaneCount)))
    }
}

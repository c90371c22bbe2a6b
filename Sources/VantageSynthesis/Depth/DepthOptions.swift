/// Settings of `PlaneSweepDepth`. The defaults suit broadcast-like rigs and rectified pairs alike;
/// `validate()` rejects values that make no sense before any work is done.
public struct DepthOptions: Sendable {
    /// Source cameras matched against the reference (the nearest by viewing angle are used).
    public var neighbourCount = 4
    /// Most inverse-depth planes of the full sweep. The planes are evenly spaced in 1/depth between
    /// the range's far and near ends (even spacing in 1/depth is even spacing in disparity), as
    /// many as `planeSpacing` asks for, at least 16, at most this.
    public var maximumPlaneCount = 192
    /// Wanted step between neighbouring planes: how far, in pixels of the sweep's level, a
    /// reference pixel's image moves along its epipolar line in the neighbour where it moves most.
    /// Wide baselines and wide depth ranges need more planes for the same step.
    public var planeSpacing: Float = 0.5
    /// Widest image on which the full sweep runs: it runs at the first pyramid level (each level
    /// halves the size) no wider than this; the finer levels only refine around its depth. Bounds
    /// the sweep's cost whatever the camera's size (1280 px wide → 320, 741 → 370).
    public var maximumSweepWidth = 400
    /// Hypotheses tried per pixel at each refinement level below full size (odd; centred on the
    /// upsampled depth, half a sweep plane apart at the first refinement, halving per level).
    public var refinementHypotheses = 5
    /// Hypotheses tried per pixel at full size (odd); 1 keeps the edge-aware upsampling as it is.
    /// 1 by default: on H.264 stadium footage a full-size search matched compression noise (median
    /// error 1.13 % instead of 1.03 %) for a fifth more time; on Middlebury 3 is 0.3 points better.
    public var fullSizeHypotheses = 1
    /// Radius in pixels of the ZNCC matching window (the window is (2r+1)² pixels), at every level.
    public var windowRadius = 2
    /// Standard deviation of intensity (0...1) below which a window counts as blank: there ZNCC
    /// is replaced by the difference of mean intensities, since a blank window has no texture to correlate.
    public var blankWindowDeviation: Float = 0.003
    /// Semi-global aggregation paths: 4 (horizontal and vertical) or 8 (plus diagonals).
    public var aggregationPaths = 8
    /// Semi-global penalty for a one-plane step between neighbouring pixels (in matching-cost units, 0...1).
    public var smallJumpPenalty: Float = 0.1
    /// Semi-global penalty for a larger step; divided by up to 4 across strong intensity edges so
    /// that depth can jump where the image does.
    public var largeJumpPenalty: Float = 2
    /// Confidence below which `PlaneSweepDepth` still reports its best depth but callers that
    /// want only trusted depth (the CLI) write `inf`.
    public var minimumConfidence: Float = 0.25

    public init() {}

    public func validate() throws(SynthesisError) {
        func fail(_ message: String) -> SynthesisError { SynthesisError(.invalidOptions, "depth options: " + message) }
        guard (1...16).contains(neighbourCount) else { throw fail("neighbourCount \(neighbourCount) must be 1...16") }
        guard (16...1024).contains(maximumPlaneCount) else { throw fail("maximumPlaneCount \(maximumPlaneCount) must be 16...1024") }
        guard planeSpacing.isFinite, planeSpacing > 0 else { throw fail("planeSpacing \(planeSpacing) must be positive") }
        guard maximumSweepWidth >= 16 else { throw fail("maximumSweepWidth \(maximumSweepWidth) must be at least 16") }
        for (name, value) in [("refinementHypotheses", refinementHypotheses), ("fullSizeHypotheses", fullSizeHypotheses)]
        where value < 1 || value > 31 || value % 2 == 0 {
            throw fail("\(name) \(value) must be odd, 1...31")
        }
        guard (1...10).contains(windowRadius) else { throw fail("windowRadius \(windowRadius) must be 1...10") }
        guard blankWindowDeviation.isFinite, blankWindowDeviation >= 0, blankWindowDeviation < 1 else {
            throw fail("blankWindowDeviation \(blankWindowDeviation) must be in 0..<1")
        }
        guard aggregationPaths == 4 || aggregationPaths == 8 else { throw fail("aggregationPaths \(aggregationPaths) must be 4 or 8") }
        guard smallJumpPenalty.isFinite, largeJumpPenalty.isFinite, smallJumpPenalty >= 0, largeJumpPenalty >= smallJumpPenalty else {
            throw fail("penalties must satisfy 0 <= smallJumpPenalty (\(smallJumpPenalty)) <= largeJumpPenalty (\(largeJumpPenalty))")
        }
        guard minimumConfidence.isFinite, (0...1).contains(minimumConfidence) else {
            throw fail("minimumConfidence \(minimumConfidence) must be in 0...1")
        }
    }
}

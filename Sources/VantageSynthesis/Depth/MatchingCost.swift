/// Inverse depths (1/z in the reference camera) at which each reference pixel is matched.
enum InverseDepthField {
    /// One fronto-parallel plane.
    case constant(Float)
    /// A value per reference pixel plus a common offset (refinement around a previous estimate).
    case perPixel(UnsafePointer<Float>, offset: Float)

    @inline(__always)
    func value(at pixel: Int) -> Float {
        switch self {
        case let .constant(w): w
        case let .perPixel(values, offset): values[pixel] + offset
        }
    }
}

/// Photo-consistency between the reference and one neighbour, per reference pixel, in [0, 1]:
/// `(1 − ZNCC) / 2` over a (2r+1)² window where both windows have texture (robust to gain and
/// offset between cameras), the difference of window means (÷ 0.2, capped at 1) where both are
/// blank, 0.8 where only one is; 1 where the neighbour sees backdrop (coverage < 0.5); NaN where the
/// pixel falls outside the neighbour's image.
///
/// The window compares the reference with the neighbour *warped by the field* (each window pixel
/// at its own inverse depth). `ReferenceMatchingCost` is the slow definition this must match.
struct MatchingCost: Sendable {
    let reference: ViewLevel
    let windowRadius: Int
    let blankDeviation: Float
    /// Reference luma minus `centre`; window mean (of the centred luma) and standard deviation; 1 / (pixels in the window).
    private let centredReference: [Float]
    private let referenceMean: [Float]
    private let referenceDeviation: [Float]
    private let inverseWindowSize: [Float]

    /// Subtracted from every intensity before the window sums, which keeps their rounding small
    /// (ZNCC and differences of means do not change).
    static let centre: Float = 0.5
    static let blankMeanScale: Float = 0.2
    static let oneSidedBlankCost: Float = 0.8

    init(reference: ViewLevel, windowRadius: Int, blankDeviation: Float) {
        self.reference = reference
        self.windowRadius = windowRadius
        self.blankDeviation = blankDeviation
        let width = reference.width, height = reference.height, count = width * height
        let inverseSizes = BoxFilter.windowSizes(width: width, height: height, radius: windowRadius).map { 1 / $0 }
        func windowMean(_ values: [Float]) -> [Float] {
            var sums = [Float](repeating: 0, count: count), scratch = sums
            values.withUnsafeBufferPointer { source in
                sums.withUnsafeMutableBufferPointer { destination in
                    scratch.withUnsafeMutableBufferPointer { s in
                        BoxFilter.sum(source.baseAddress!, into: destination.baseAddress!, width: width, height: height,
                                      radius: windowRadius, scratch: s.baseAddress!)
                    }
                }
            }
            return zip(sums, inverseSizes).map { $0 * $1 }
        }
        centredReference = reference.luma.values.map { $0 - Self.centre }
        let mean = windowMean(centredReference), squareMean = windowMean(centredReference.map { $0 * $0 })
        referenceMean = mean
        referenceDeviation = zip(mean, squareMean).map { max(0, $1 - $0 * $0).squareRoot() }
        inverseWindowSize = inverseSizes
    }

    /// Scratch memory for `cost`, one per thread.
    final class Workspace {
        /// Per pixel (warped, warped², reference·warped, 0), then their window sums, then the box filter's scratch.
        var moments: [SIMD4<Float>]
        /// 0: off the neighbour's image, 1: neighbour backdrop, 2: neighbour content.
        var states: [UInt8]

        /// Room for bands of `rows` rows of a `width`-pixel image with a window of `radius`.
        init(width: Int, rows: Int, radius: Int) {
            let pixels = width * (rows + 2 * radius)
            moments = [SIMD4<Float>](repeating: .zero, count: pixels * 3)
            states = [UInt8](repeating: 0, count: pixels)
        }
    }

    /// Writes the cost of the reference pixels in `rows` against `neighbour` into `costs`, row by
    /// row from the first of `rows`. Works on those rows plus a margin of the window radius, so
    /// that bands of rows give the same costs as the whole image while staying in cache.
    func cost(of neighbour: ViewLevel, projection: PlaneProjection, field: InverseDepthField, rows: Range<Int>,
              into costs: UnsafeMutablePointer<Float>, workspace: Workspace) {
        let width = reference.width
        let margin = max(0, rows.lowerBound - windowRadius)..<min(reference.height, rows.upperBound + windowRadius)
        let count = margin.count * width, marginStart = margin.lowerBound * width
        precondition(workspace.states.count >= count, "MatchingCost workspace too small")
        workspace.moments.withUnsafeMutableBufferPointer { storage in
            workspace.states.withUnsafeMutableBufferPointer { stateStorage in
                let moments = storage.baseAddress!, sums = moments + count, scratch = moments + 2 &* count
                let states = stateStorage.baseAddress!
                centredReference.withUnsafeBufferPointer { luma in
                    warp(neighbour, projection: projection, field: field, rows: margin, referenceLuma: luma.baseAddress! + marginStart,
                         into: moments, states: states)
                }
                BoxFilter.sum(moments, into: sums, width: width, height: margin.count, radius: windowRadius, scratch: scratch)
                referenceMean.withUnsafeBufferPointer { refMean in
                    referenceDeviation.withUnsafeBufferPointer { refDeviation in
                        inverseWindowSize.withUnsafeBufferPointer { inverseSize in
                            let first = rows.lowerBound &* width, local = first &- marginStart
                            let rm = refMean.baseAddress! + first, rd = refDeviation.baseAddress! + first
                            let scale = inverseSize.baseAddress! + first
                            for pixel in 0..<(rows.count &* width) {
                                let inMargin = local &+ pixel
                                switch states[inMargin] {
                                case 0: costs[pixel] = .nan
                                case 1: costs[pixel] = 1
                                default:
                                    let mean = sums[inMargin] * scale[pixel], mw = mean.x
                                    let deviation = max(0, mean.y - mw * mw).squareRoot()
                                    costs[pixel] = Self.windowCost(referenceMean: rm[pixel], referenceDeviation: rd[pixel],
                                                                   warpedMean: mw, warpedDeviation: deviation,
                                                                   covariance: mean.z - rm[pixel] * mw,
                                                                   blankDeviation: blankDeviation)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The cost of one window from its statistics (shared with the reference implementation).
    @inline(__always)
    static func windowCost(referenceMean: Float, referenceDeviation: Float, warpedMean: Float, warpedDeviation: Float,
                           covariance: Float, blankDeviation: Float) -> Float {
        let referenceTextured = referenceDeviation > blankDeviation, warpedTextured = warpedDeviation > blankDeviation
        if referenceTextured && warpedTextured {
            let ncc = covariance / (referenceDeviation * warpedDeviation)
            return min(1, max(0, (1 - ncc) * 0.5))
        }
        if !referenceTextured && !warpedTextured { return min(1, abs(referenceMean - warpedMean) / blankMeanScale) }
        return oneSidedBlankCost
    }

    /// Bilinear samples w of the neighbour's luma at each reference pixel's projection (edge-clamped,
    /// centred) as (w, w², r·w, 0) with r the centred reference luma, and whether the projection's
    /// nearest neighbour pixel is outside (0), backdrop (1) or content (2).
    private func warp(_ neighbour: ViewLevel, projection: PlaneProjection, field: InverseDepthField, rows: Range<Int>,
                      referenceLuma: UnsafePointer<Float>, into moments: UnsafeMutablePointer<SIMD4<Float>>,
                      states: UnsafeMutablePointer<UInt8>) {
        let width = reference.width
        let nw = neighbour.width, nh = neighbour.height
        let maxX = Float(nw - 1), maxY = Float(nh - 1)
        neighbour.luma.values.withUnsafeBufferPointer { lumaBuffer in
            neighbour.coverage.values.withUnsafeBufferPointer { coverageBuffer in
                let luma = lumaBuffer.baseAddress!, coverage = coverageBuffer.baseAddress!, checksCoverage = neighbour.hasBackdrop
                for y in rows {
                    for x in 0..<width {
                        let pixel = (y &- rows.lowerBound) &* width &+ x
                        guard let q = projection.project(x: Float(x), y: Float(y), inverseDepth: field.value(at: y &* width &+ x)),
                              q.x >= -0.5, q.y >= -0.5, q.x <= maxX + 0.5, q.y <= maxY + 0.5 else {
                            let w = -Self.centre
                            moments[pixel] = SIMD4(w, w * w, w * referenceLuma[pixel], 0)
                            states[pixel] = 0
                            continue
                        }
                        let cx = min(max(q.x, 0), maxX), cy = min(max(q.y, 0), maxY)
                        let x0 = min(Int(cx), nw &- 1), y0 = min(Int(cy), nh &- 1)
                        let x1 = min(x0 &+ 1, nw &- 1), y1 = min(y0 &+ 1, nh &- 1)
                        let fx = cx - Float(x0), fy = cy - Float(y0)
                        let top = luma[y0 &* nw &+ x0] * (1 - fx) + luma[y0 &* nw &+ x1] * fx
                        let bottom = luma[y1 &* nw &+ x0] * (1 - fx) + luma[y1 &* nw &+ x1] * fx
                        let w = top * (1 - fy) + bottom * fy - Self.centre
                        moments[pixel] = SIMD4(w, w * w, w * referenceLuma[pixel], 0)
                        if checksCoverage {
                            let nearest = Int(cy + 0.5) &* nw &+ Int(cx + 0.5)
                            states[pixel] = coverage[min(nearest, nw &* nh &- 1)] >= 0.5 ? 2 : 1
                        } else {
                            states[pixel] = 2
                        }
                    }
                }
            }
        }
    }
}

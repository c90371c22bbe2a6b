import Foundation

extension ImageMetrics {
    /// Side of the SSIM window in pixels (Wang et al. 2004: an 11×11 Gaussian, σ = 1.5).
    public static let ssimWindowSide = 11

    /// Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004) of two images of the same size,
    /// at least `ssimWindowSide` pixels on each side: 1 for identical images, lower for less alike.
    ///
    /// Computed on each of R, G, B separately and averaged over the three channels (as scikit-image's
    /// `structural_similarity(channel_axis=-1, gaussian_weights=True, sigma=1.5,
    /// use_sample_covariance=False, data_range=255)`): 11×11 Gaussian window with σ = 1.5, K1 = 0.01,
    /// K2 = 0.03, dynamic range 255, mean over every window that lies wholly inside the image (no padding).
    /// Separable filtering over bands of rows in parallel.
    public static func ssim(_ a: RGBImage, _ b: RGBImage) -> Double {
        precondition(a.width == b.width && a.height == b.height,
                     "ssim needs equal sizes, got \(a.width)x\(a.height) and \(b.width)x\(b.height)")
        precondition(a.width >= ssimWindowSide && a.height >= ssimWindowSide,
                     "ssim needs at least \(ssimWindowSide)x\(ssimWindowSide) pixels, got \(a.width)x\(a.height)")
        let outputRows = a.height - ssimWindowSide + 1, outputColumns = a.width - ssimWindowSide + 1
        var rowSums = [Double](repeating: 0, count: outputRows)
        a.pixels.withUnsafeBufferPointer { first in
            b.pixels.withUnsafeBufferPointer { second in
                rowSums.withUnsafeMutableBufferPointer { sums in
                    let kernel = SSIMKernel(first: first.baseAddress!, second: second.baseAddress!, width: a.width,
                                            sums: BandSharedBuffer(sums))
                    forEachChunk(of: outputRows) { rows in kernel.accumulate(outputRows: rows) }
                }
            }
        }
        return rowSums.reduce(0, +) / Double(outputRows * outputColumns * 3)
    }

    /// The normalized 1-D Gaussian whose outer product is the SSIM window.
    static let ssimWeights: [Float] = {
        let radius = ssimWindowSide / 2
        let raw = (0..<ssimWindowSide).map { exp(-Double(($0 - radius) * ($0 - radius)) / (2 * 1.5 * 1.5)) }
        let total = raw.reduce(0, +)
        return raw.map { Float($0 / total) }
    }()

    /// Stabilizing constants (K1·L)² and (K2·L)² for L = 255.
    static let ssimC1 = (0.01 * 255.0) * (0.01 * 255.0)
    static let ssimC2 = (0.03 * 255.0) * (0.03 * 255.0)
}

/// One band of output rows of `ImageMetrics.ssim`: a horizontal pass over the input rows the band
/// needs into five planes (x, y, x², y², xy of samples centred on 128, which shrinks the rounding
/// error of the second moments in Float), then a vertical pass that sums each output row's SSIM
/// over the three channels into `sums`.
private struct SSIMKernel: @unchecked Sendable {
    let first: UnsafePointer<UInt8>
    let second: UnsafePointer<UInt8>
    let width: Int
    /// One sum per output row; each band writes only its own rows.
    let sums: BandSharedBuffer<Double>

    func accumulate(outputRows rows: Range<Int>) {
        let side = ImageMetrics.ssimWindowSide
        let columns = width - side + 1, inputRows = rows.count + side - 1
        let planeSize = inputRows * columns
        let planes = UnsafeMutablePointer<Float>.allocate(capacity: planeSize * 5)
        defer { planes.deallocate() }
        let weights = UnsafeMutablePointer<Float>.allocate(capacity: side)
        defer { weights.deallocate() }
        for tap in 0..<side { weights[tap] = ImageMetrics.ssimWeights[tap] }
        let c1 = ImageMetrics.ssimC1, c2 = ImageMetrics.ssimC2
        for row in rows { sums.base[row] = 0 }
        for channel in 0..<3 {
            // Horizontal pass: planes[k][r][c] = Σ_t w[t]·f_k(row r0 + r, column c + t).
            for inputRow in 0..<inputRows {
                let rowStart = (rows.lowerBound &+ inputRow) &* width &* 3 &+ channel
                let out = inputRow &* columns
                for column in 0..<columns {
                    var mx: Float = 0, my: Float = 0, mxx: Float = 0, myy: Float = 0, mxy: Float = 0
                    for tap in 0..<side {
                        let index = rowStart &+ (column &+ tap) &* 3
                        let x = Float(first[index]) - 128, y = Float(second[index]) - 128, w = weights[tap]
                        mx += w * x; my += w * y
                        mxx += w * x * x; myy += w * y * y; mxy += w * x * y
                    }
                    planes[out &+ column] = mx
                    planes[planeSize &+ out &+ column] = my
                    planes[2 &* planeSize &+ out &+ column] = mxx
                    planes[3 &* planeSize &+ out &+ column] = myy
                    planes[4 &* planeSize &+ out &+ column] = mxy
                }
            }
            // Vertical pass and the SSIM formula, in Double where cancellation bites (σ² = E[x²] − μ²).
            for (band, row) in rows.enumerated() {
                var rowSum = 0.0
                for column in 0..<columns {
                    var mx: Float = 0, my: Float = 0, mxx: Float = 0, myy: Float = 0, mxy: Float = 0
                    for tap in 0..<side {
                        let index = (band &+ tap) &* columns &+ column, w = weights[tap]
                        mx += w * planes[index]
                        my += w * planes[planeSize &+ index]
                        mxx += w * planes[2 &* planeSize &+ index]
                        myy += w * planes[3 &* planeSize &+ index]
                        mxy += w * planes[4 &* planeSize &+ index]
                    }
                    let centredX = Double(mx), centredY = Double(my)
                    let varianceX = Double(mxx) - centredX * centredX, varianceY = Double(myy) - centredY * centredY
                    let covariance = Double(mxy) - centredX * centredY
                    let muX = centredX + 128, muY = centredY + 128
                    rowSum += (2 * muX * muY + c1) * (2 * covariance + c2)
                        / ((muX * muX + muY * muY + c1) * (varianceX + varianceY + c2))
                }
                sums.base[row] += rowSum
            }
        }
    }
}

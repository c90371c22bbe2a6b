/// A scalar through keyframes (the field of view) that never overshoots: a C1 monotone cubic
/// Hermite (Fritsch–Butland slopes, as in PCHIP). Between two keyframes the value stays between
/// theirs, so a field of view inside (0°, 180°) at the keyframes stays inside it everywhere.
struct MonotoneSpline: Sendable {
    let values: [Double]
    let times: [Double]
    /// Slope at each keyframe per second.
    let slopes: [Double]

    init(values: [Double], times: [Double]) {
        precondition(values.count >= 2 && values.count == times.count, "a spline needs two keyframes")
        self.values = values
        self.times = times
        let last = values.count - 1
        let secants: [Double] = (0..<last).map { (k: Int) -> Double in
            let rise: Double = values[k + 1] - values[k]
            let run: Double = times[k + 1] - times[k]
            return rise / run
        }
        slopes = values.indices.map { i -> Double in
            if i == 0 { return secants[0] }
            if i == last { return secants[last - 1] }
            return Self.slope(secants[i - 1], secants[i], times[i] - times[i - 1], times[i + 1] - times[i])
        }
    }

    /// Fritsch–Butland slope between secants `before` and `after` over intervals `h0` and `h1`:
    /// zero at a local extremum or a flat side (rest there), else a weighted harmonic mean.
    private static func slope(_ before: Double, _ after: Double, _ h0: Double, _ h1: Double) -> Double {
        guard before * after > 0 else { return 0 }
        let w0 = 2 * h1 + h0, w1 = h1 + 2 * h0
        return (w0 + w1) / (w0 / before + w1 / after)
    }

    func value(segment i: Int, u: Double) -> Double {
        let span = times[i + 1] - times[i]
        return HermiteBasis(u).value(values[i], slopes[i] * span, values[i + 1], slopes[i + 1] * span)
    }
}

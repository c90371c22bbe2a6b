/// Arc length along a position spline, to move along it at constant speed. The curve is cut
/// into `stepsPerSegment` even steps of u per segment; each step's length is its chord. Within a
/// step, u as a function of length is the cubic Hermite through the step's ends whose slopes are
/// du/ds = 1/|dp/du| there, so the speed is exactly constant at every step boundary (keyframes
/// included, which keeps the motion C1) and varies by far less than 0.1 % within a step.
struct ArcLengthTable: Sendable {
    static let stepsPerSegment = 256

    /// One step of the table: its segment, its range of u, its length range and |dp/du| at its ends.
    private struct Step: Sendable {
        var segment: Int
        var u0: Double, u1: Double
        var start: Double, length: Double
        var rate0: Double, rate1: Double
    }

    private let steps: [Step]

    init(_ spline: PositionSpline) {
        let perSegment = Self.stepsPerSegment
        var steps: [Step] = []
        steps.reserveCapacity((spline.points.count - 1) * perSegment)
        var start = 0.0
        for segment in 0..<(spline.points.count - 1) {
            for index in 0..<perSegment {
                let u0 = Double(index) / Double(perSegment), u1 = Double(index + 1) / Double(perSegment)
                let length = (spline.position(segment: segment, u: u1) - spline.position(segment: segment, u: u0)).length
                steps.append(Step(segment: segment, u0: u0, u1: u1, start: start, length: length,
                                  rate0: spline.derivative(segment: segment, u: u0).length,
                                  rate1: spline.derivative(segment: segment, u: u1).length))
                start += length
            }
        }
        self.steps = steps
    }

    var totalLength: Double { steps[steps.count - 1].start + steps[steps.count - 1].length }

    /// Length from the start to keyframe `index` (the start of segment `index`).
    func length(toKeyframe index: Int) -> Double {
        index * Self.stepsPerSegment < steps.count ? steps[index * Self.stepsPerSegment].start : totalLength
    }

    /// The segment and local u at `length` from the start (clamped to the curve).
    func location(atLength length: Double) -> (segment: Int, u: Double) {
        guard length > 0 else { return (0, 0) }
        guard length < totalLength else { return (steps[steps.count - 1].segment, 1) }
        // The last step starting at or before `length`.
        var low = 0, high = steps.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if steps[middle].start <= length { low = middle } else { high = middle }
        }
        let step = steps[low]
        guard step.length > 0 else { return (step.segment, step.u0) }
        let t = (length - step.start) / step.length
        let chordSlope = (step.u1 - step.u0)  // du per unit of t along the chord
        // du/dt at each end; a point where the curve stops (|dp/du| = 0) falls back to the chord.
        func slope(_ rate: Double) -> Double { rate > 1e-12 ? step.length / rate : chordSlope }
        let u = HermiteBasis(t).value(step.u0, slope(step.rate0), step.u1, slope(step.rate1))
        return (step.segment, min(max(u, step.u0), step.u1))
    }
}

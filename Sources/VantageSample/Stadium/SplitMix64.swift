/// A small deterministic random generator (Steele, Lea & Flood's SplitMix64): the stadium's only
/// source of randomness, so the same seed always builds the same scene.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `range`.
    mutating func uniform(_ range: ClosedRange<Float>) -> Float {
        let unit = Float(next() >> 40) * (1 / Float(1 << 24))
        return range.lowerBound + (range.upperBound - range.lowerBound) * unit
    }

    /// An independent generator for the part of the scene named by `stream`, so that adding draws
    /// to one part does not change another.
    func fork(_ stream: UInt64) -> SplitMix64 {
        var copy = SplitMix64(seed: state ^ (stream &* 0xD6E8_FEB8_6659_FD93))
        _ = copy.next()
        return copy
    }
}

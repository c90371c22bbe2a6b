import CFFmpeg

/// An exact ratio such as a frame rate (60/1, 30000/1001) or a time base (1/15360).
public struct MediaRational: Sendable, Hashable, Codable, CustomStringConvertible {
    public var numerator: Int32
    public var denominator: Int32

    public init(_ numerator: Int32, _ denominator: Int32) {
        self.numerator = numerator
        self.denominator = denominator
    }

    init(_ value: AVRational) {
        self.init(value.num, value.den)
    }

    var avRational: AVRational { AVRational(num: numerator, den: denominator) }

    /// Both terms positive: a usable rate or time base.
    public var isPositive: Bool { numerator > 0 && denominator > 0 }

    /// The ratio as a Double (0 when the denominator is 0).
    public var doubleValue: Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }

    public var description: String { "\(numerator)/\(denominator)" }
}

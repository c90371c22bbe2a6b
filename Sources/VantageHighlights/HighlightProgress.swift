/// How far a highlight render has come.
public struct HighlightProgress: Sendable, Codable, Equatable {
    public var framesDone: Int
    public var frameCount: Int
    public var elapsedSeconds: Double

    /// Seconds left at the rate so far; nil before the first frame.
    public var etaSeconds: Double? {
        framesDone > 0 ? elapsedSeconds / Double(framesDone) * Double(frameCount - framesDone) : nil
    }

    public var fraction: Double { frameCount > 0 ? Double(framesDone) / Double(frameCount) : 1 }
}

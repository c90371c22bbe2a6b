/// What a coordinator has seen so far.
public struct FarmStatistics: Sendable, Equatable, Codable {
    /// Work messages sent, first sends and re-sends together.
    public var rangesSent = 0
    /// Ranges (or their missing parts) sent again after their worker went silent or failed.
    public var rangesRequeued = 0
    /// Frames kept, by the worker that rendered them.
    public var framesByWorker: [String: Int] = [:]
    /// Frames that had already arrived (a re-sent range's first copy won).
    public var duplicateFrames = 0
    /// Refused messages by reason (`FarmDropReason`'s raw values).
    public var dropped: [String: Int] = [:]
    /// Failures that workers reported.
    public var failuresReported = 0

    public var framesReceived: Int { framesByWorker.values.reduce(0, +) }
}

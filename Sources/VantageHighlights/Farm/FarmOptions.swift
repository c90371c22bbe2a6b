/// How a coordinator shares a render among workers. `validate()` throws naming the field.
public struct FarmOptions: Sendable, Equatable {
    /// Frames per work message. Small ranges balance better and lose less when a worker dies;
    /// large ones keep a worker's depth cache warmer. 8–25 suits most clips.
    public var rangeFrames = 10
    /// Ranges handed out per live worker beyond the frames already delivered to the encoder (the
    /// credit): bounds the frames held out of order to `creditPerWorker × workers × rangeFrames`.
    public var creditPerWorker = 2
    /// Seconds without a word (heartbeat, acceptance, frame) from the worker holding a range (or,
    /// while nobody has accepted it, since it was sent) before the range is sent again. Workers
    /// send a heartbeat every second, even during a long first frame.
    public var silenceSeconds: Double = 15
    /// Seconds without any message from any worker before the render fails.
    public var waitForWorkersSeconds: Double = 60
    /// Failures reported by workers for one range before the render fails with the last error.
    public var maximumFailures = 3

    public init() {}

    public func validate() throws(FarmError) {
        guard (1...1000).contains(rangeFrames) else { throw FarmError(.invalidOption, "farm range \(rangeFrames): expected 1…1000 frames") }
        guard (1...100).contains(creditPerWorker) else { throw FarmError(.invalidOption, "farm credit \(creditPerWorker): expected 1…100 ranges per worker") }
        guard silenceSeconds.isFinite, silenceSeconds >= 0.1 else { throw FarmError(.invalidOption, "farm silence \(silenceSeconds) s: expected at least 0.1 s") }
        guard waitForWorkersSeconds.isFinite, waitForWorkersSeconds >= 0.1 else {
            throw FarmError(.invalidOption, "farm wait for workers \(waitForWorkersSeconds) s: expected at least 0.1 s")
        }
        guard maximumFailures >= 1 else { throw FarmError(.invalidOption, "farm maximum failures \(maximumFailures): expected at least 1") }
    }
}

/// Where a recorder puts the frames it accepted: the replay store, in practice.
/// Called from the recorder's writer thread only.
public protocol FrameSink: AnyObject {
    /// Keeps one frame; an error stops the recording (the frames still queued are reported lost).
    func append(_ frame: WireFrame) throws
    /// Makes everything appended so far durable.
    func flush() throws
}

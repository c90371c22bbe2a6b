/// How much a replay store keeps and how it cuts its files.
public struct ReplayStoreOptions: Sendable, Hashable, Codable {
    /// Seconds of capture time kept behind the newest frame of any camera. Whole segments whose
    /// newest frame is older are deleted (on open and whenever a segment is closed).
    public var retentionSeconds: Double
    /// A camera's open segment is closed once it holds this many bytes (see `segmentMaxSeconds`
    /// for where exactly it is cut).
    public var segmentMaxBytes: Int
    /// A camera's open segment is closed once it spans this many seconds of capture time.
    ///
    /// Segments are cut before a keyframe once either limit is reached, so that every segment
    /// decodes on its own and retention never strands frames whose references were deleted;
    /// a stream without keyframes is cut anyway at twice the limit.
    public var segmentMaxSeconds: Double
    /// Memory the decoded-frame cache of a `ReplayDecoder` may hold, in bytes of RGB pixels.
    public var decodedCacheBytes: Int

    public init(retentionSeconds: Double = 600, segmentMaxBytes: Int = 64 << 20,
                segmentMaxSeconds: Double = 10, decodedCacheBytes: Int = 512 << 20) {
        self.retentionSeconds = retentionSeconds
        self.segmentMaxBytes = segmentMaxBytes
        self.segmentMaxSeconds = segmentMaxSeconds
        self.decodedCacheBytes = decodedCacheBytes
    }

    /// Throws `.invalidOptions` naming the first field outside its range.
    public func validate() throws(ReplayError) {
        guard retentionSeconds.isFinite, retentionSeconds > 0 else {
            throw ReplayError(.invalidOptions, "retentionSeconds: expected a positive number of seconds, got \(retentionSeconds)")
        }
        guard segmentMaxBytes >= 4096 else {
            throw ReplayError(.invalidOptions, "segmentMaxBytes: expected at least 4096, got \(segmentMaxBytes)")
        }
        guard segmentMaxSeconds.isFinite, segmentMaxSeconds > 0 else {
            throw ReplayError(.invalidOptions, "segmentMaxSeconds: expected a positive number of seconds, got \(segmentMaxSeconds)")
        }
        guard decodedCacheBytes >= 0 else {
            throw ReplayError(.invalidOptions, "decodedCacheBytes: expected 0 (no cache) or more, got \(decodedCacheBytes)")
        }
    }

    /// Capture-time limits in microseconds.
    var retentionMicroseconds: Int64 { Int64((retentionSeconds * 1_000_000).rounded()) }
    var segmentMaxMicroseconds: Int64 { Int64((segmentMaxSeconds * 1_000_000).rounded()) }
}

import Dispatch
import VantageGeometry
import VantageMedia

/// Renders a plan's frames in order and encodes them into an MP4 (or any container
/// `VideoWriter` infers from the output's extension). The file is written under a temporary name
/// and renamed when complete, so a failed or cancelled render never leaves a clip that looks
/// whole. Encoding frame n overlaps with getting frame n + 1, so the encoder takes a core of its
/// own while the next frame renders.
public struct HighlightRenderer: Sendable {
    public let plan: HighlightPlan
    public let output: String
    private let writerOptions: VideoWriterOptions

    /// Checks the options and the output's extension before any frame is rendered.
    public init(plan: HighlightPlan, output: String) throws(MediaError) {
        self.plan = plan
        self.output = output
        writerOptions = try plan.options.writerOptions(for: plan.path, destination: output)
        _ = try ContainerFormat(inferringFromPath: output)
    }

    /// Renders every frame from `source`; `progress` hears after each frame is encoded. Throws
    /// (and removes the temporary file) on the first failure or on cancellation.
    @discardableResult
    public func render(from source: some HighlightFrameSource,
                       progress: @escaping @Sendable (HighlightProgress) -> Void = { _ in }) async throws -> HighlightSummary {
        let clock = ContinuousClock(), start = clock.now
        let encoder = try SerialEncoder(path: output, options: writerOptions)
        var pending: Task<Void, any Error>?
        for index in 0..<plan.frameCount {
            try Task.checkCancellation()
            let image = try await source.frame(index, of: plan)
            try await pending?.value
            pending = Task { try await encoder.append(image) }
            if index > 0 { progress(HighlightProgress(framesDone: index, frameCount: plan.frameCount, elapsedSeconds: (clock.now - start).seconds)) }
        }
        try await pending?.value
        try await encoder.finish()
        let elapsed = (clock.now - start).seconds
        progress(HighlightProgress(framesDone: plan.frameCount, frameCount: plan.frameCount, elapsedSeconds: elapsed))
        return HighlightSummary(output: output, frames: plan.frameCount, width: writerOptions.width, height: writerOptions.height,
                                framesPerSecond: plan.options.framesPerSecond, durationSeconds: Double(plan.frameCount) / Double(plan.options.framesPerSecond),
                                renderSeconds: elapsed)
    }
}

/// What a finished highlight render wrote.
public struct HighlightSummary: Sendable, Codable, Equatable {
    public var output: String
    public var frames: Int
    public var width: Int
    public var height: Int
    public var framesPerSecond: Int
    public var durationSeconds: Double
    public var renderSeconds: Double
}

/// A `VideoWriter` used from one serial queue of its own, one call at a time (hence
/// `@unchecked Sendable`); released without `finish`, it removes its temporary file.
private final class SerialEncoder: @unchecked Sendable {
    private let writer: VideoWriter
    private let queue = DispatchQueue(label: "vantage.highlight.encode")

    init(path: String, options: VideoWriterOptions) throws(MediaError) {
        writer = try VideoWriter(path: path, options: options)
    }

    func append(_ image: RGBImage) async throws { try await run { try $0.append(image) } }
    func finish() async throws { try await run { try $0.finish() } }

    private func run(_ work: @escaping @Sendable (VideoWriter) throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async { continuation.resume(with: Result { try work(self.writer) }) }
        }
    }
}

import Foundation
import Prometheus
import VantageGeometry
import VantageMedia
import VantageReplay
import VantageSynthesis
import VantageTransport

/// Renders stills from a replay store for the HTTP routes. The frame source and the model are
/// not thread-safe, so every job runs on one dedicated render thread with a bounded waiting
/// line; what routes need to validate a request (cameras, the replay's time range) is a snapshot
/// readable from any thread.
public final class RenderService: Sendable {
    public let rig: Rig
    public let options: ServerOptions
    public let metrics: ServerMetrics
    /// Where the rig's cameras look (their optical axes' convergence, else the world origin): what a seat faces.
    public let pointOfInterest: Vector3
    /// Highlight jobs, rendered one at a time on this service's render thread.
    let jobs: JobQueue
    private let snapshot: Locked<ServedReplay>
    /// Internal so that tests can hold it busy.
    let thread: RenderThread
    private let engine: RenderEngine
    /// The model's depth cache and the store's decoder (both thread-safe), for their hit rates in `/metrics`.
    let depthCache: DepthCache
    let decoder: ReplayDecoder

    /// Serves `store` (opened read-only, or the live one a recorder fills) with the calibration of `rig`.
    public init(rig: Rig, store: ReplayStore, options: ServerOptions, metrics: ServerMetrics = ServerMetrics()) throws {
        try options.validate()
        let frames = try StoreFrameSource(rig: rig, store: store)
        self.rig = rig
        self.options = options
        self.metrics = metrics
        pointOfInterest = AxisConvergence(cameras: rig.cameras.map(\.camera))?.pointInWorld ?? Vector3(0, 0, 0)
        snapshot = Locked(ServedReplay(frames))
        let cache = DepthCache(capacityBytes: options.depthCacheBytes)
        let model = try ImageBasedModel(rig: rig, frames: frames, cache: cache)
        depthCache = cache
        decoder = frames.decoder
        engine = RenderEngine(frames: frames, model: model)
        thread = RenderThread(name: "vantage-render", capacity: options.renderQueueCapacity)
        jobs = JobQueue(directory: options.jobsDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("vantage-jobs-\(UUID().uuidString.lowercased())"))
    }

    /// Opens the store at `directory` read-only and serves it.
    public convenience init(rig: Rig, storeDirectory: URL, options: ServerOptions, metrics: ServerMetrics = ServerMetrics()) throws {
        try self.init(rig: rig, store: try ReplayStore(directory: storeDirectory, access: .readOnly), options: options, metrics: metrics)
    }

    /// The replay as the frame source last saw it.
    public var replayInfo: ReplayInfo { snapshot.current.info }
    /// Every rig camera, sized like its stored frames.
    public var cameras: [Camera] { snapshot.current.cameras }
    /// Cameras with frames in the store.
    public var sourceNames: Set<String> { snapshot.current.sourceNames }

    /// Re-reads the store's index on the render thread, for a store that a recorder fills while
    /// the server runs: new frames and cameras join, frames removed by retention leave.
    public func refresh() async throws {
        let snapshot = snapshot
        try await thread.run(.takesItsTurn) { [engine] in
            try engine.frames.refresh()
            snapshot.withLock { $0 = ServedReplay(engine.frames) }
        }
    }

    /// Refreshes every `interval` until the task is cancelled.
    public func keepRefreshing(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            try? await refresh()
        }
    }

    public func camera(named name: String) -> Camera? { cameras.first { $0.name == name } }

    /// Renders `target` at `seconds` from the replay's start and encodes it as a still.
    func render(_ target: Camera, seconds: Double, encoding: ImageEncoding) async throws -> EncodedImage {
        let rendered = try await render(target, seconds: seconds) { image in
            try ImageIO.encode(image, as: encoding.format, jpegQScale: encoding.jpegQScale, source: "render")
        }
        return EncodedImage(bytes: rendered.payload, format: encoding.format, width: target.size.width, height: target.size.height,
                            captureMicroseconds: rendered.captureMicroseconds, sources: rendered.sources)
    }

    /// Renders `target` at `seconds` from the replay's start and hands the picture to `encode`,
    /// which runs on the render thread too (encoders are CPU work that the event loops must not do).
    /// A one-off request is refused with 503 when the render queue is full; a session's, stream's
    /// or job's next frame (`.takesItsTurn`) waits its turn behind the others instead.
    func render<Payload: Sendable>(_ target: Camera, seconds: Double, admission: RenderThread.Admission = .refusedWhenFull,
                                   encode: @escaping @Sendable (RGBImage) throws -> Payload) async throws -> RenderedView<Payload> {
        try await render(admission: admission, choosing: { ViewChoice(camera: target, seconds: seconds, context: ()) }) { _, image in
            try encode(image)
        }
    }

    /// Renders the view that `choose` picks when the render's turn comes (it runs on the render
    /// thread just before the render), so a session shows its newest request however long the
    /// render waited in line; `encode` gets the choice's context with the picture.
    func render<Context: Sendable, Payload: Sendable>(admission: RenderThread.Admission,
                                                      choosing choose: @escaping @Sendable () -> ViewChoice<Context>,
                                                      encode: @escaping @Sendable (Context, RGBImage) throws -> Payload) async throws -> RenderedView<Payload> {
        try await onRenderThread(admission, histogram: metrics.viewRenderSeconds) { engine in
            let view = choose()
            let moment = try engine.frames.moment(at: .seconds(view.seconds), cameras: nil)
            let rendered = try engine.model.render(moment, target: view.camera)
            return RenderedView(payload: try encode(view.context, RGBImage(rendered.image)), captureMicroseconds: moment.captureMicroseconds,
                                sources: rendered.sourceNames)
        }
    }

    /// The frame of the physical camera `name` at `seconds`, as the model sees it: decoded,
    /// undistorted to the camera's pinhole twin; scaled to `size` when given.
    func cameraFrame(_ name: String, seconds: Double, size: ImageSize? = nil, encoding: ImageEncoding) async throws -> EncodedImage {
        try await onRenderThread(.refusedWhenFull, histogram: metrics.cameraFrameSeconds) { engine in
            let moment = try engine.frames.moment(at: .seconds(seconds), cameras: [name])
            guard let view = moment.view(named: name) else {
                throw SynthesisError(.unreadableFrame, "camera \(name) has no readable frame in the moment at \(seconds) s (capture \(moment.captureMicroseconds) µs)")
            }
            var image = RGBImage(view.image)
            if let size, size != view.camera.size { image = image.resized(width: size.width, height: size.height) }
            let bytes = try ImageIO.encode(image, as: encoding.format, jpegQScale: encoding.jpegQScale, source: "frame of \(name)")
            return EncodedImage(bytes: bytes, format: encoding.format, width: image.width, height: image.height,
                                captureMicroseconds: moment.captureMicroseconds, sources: [name])
        }
    }

    /// Jobs on the render thread, waiting or running.
    public var queueDepth: Int { thread.depth }

    /// Refuses waiting jobs and ends the render thread once the running one is done.
    public func shutdown() { thread.stop() }

    private func onRenderThread<T: Sendable>(_ admission: RenderThread.Admission, histogram: DurationHistogram,
                                             _ job: @escaping @Sendable (RenderEngine) throws -> T) async throws -> T {
        let metrics = metrics, thread = thread, engine = engine
        defer { metrics.renderQueueDepth.set(to: Double(thread.depth)) }
        do {
            let result = try await thread.run(admission) {
                metrics.renderQueueDepth.set(to: Double(thread.depth))
                let start = ContinuousClock.now
                defer { histogram.record(ContinuousClock.now - start) }
                return try job(engine)
            }
            return result
        } catch is RenderQueueFull {
            metrics.renderQueueRejections.increment()
            throw APIError(.serviceUnavailable, "render queue full: \(thread.capacity) renders are already waiting; retry in a moment",
                           headers: [.retryAfter: "1"])
        } catch is RenderThreadStopped {
            throw APIError(.serviceUnavailable, "the server is shutting down")
        }
    }
}

/// A view to render (a camera, a replay time) and what its caller needs back with the picture.
struct ViewChoice<Context: Sendable>: Sendable {
    var camera: Camera
    var seconds: Double
    var context: Context
}

/// A rendered view, encoded, with the moment it shows and the cameras that made it.
struct RenderedView<Payload: Sendable>: Sendable {
    var payload: Payload
    var captureMicroseconds: Int64
    var sources: [String]
}

/// What routes read about the replay from any thread: a copy made on the render thread.
struct ServedReplay: Sendable {
    var cameras: [Camera]
    var sourceNames: Set<String>
    var info: ReplayInfo

    init(_ frames: StoreFrameSource) {
        cameras = frames.cameras
        sourceNames = Set(frames.sourceNames)
        info = ReplayInfo(frames)
    }
}

/// The frame source and the model: not thread-safe, so only the render thread touches them
/// (the one audited `@unchecked Sendable` box of the server).
final class RenderEngine: @unchecked Sendable {
    let frames: StoreFrameSource
    let model: ImageBasedModel

    init(frames: StoreFrameSource, model: ImageBasedModel) {
        self.frames = frames
        self.model = model
    }
}

import Foundation
import VantageGeometry
import VantageMedia
import VantageTransport

/// A farm worker: connects PULL to the coordinator's work socket and PUSH to its results socket,
/// accepts ranges as they come (and says so), renders them in order with the frame source made
/// for their rig and store (kept for the next range), sends each frame as soon as it is rendered,
/// and heartbeats every second with the ranges it holds. Both sockets are used only on the thread
/// that calls `run`; frames render on the source's own thread meanwhile.
public final class FarmWorker {
    /// Makes the frames of a rig and store on this machine (a `ModelFrameSource`, usually).
    public typealias SourceFactory = (FarmOrigin) throws -> any HighlightFrameSource

    public let options: FarmWorkerOptions
    private let makeSource: SourceFactory
    /// The last source made, for the next range of the same rig and store (warm depth caches).
    private var cachedSource: (origin: FarmOrigin, source: any HighlightFrameSource)?
    private var cachedPlan: (job: String, plan: HighlightPlan)?

    public init(options: FarmWorkerOptions, makeSource: @escaping SourceFactory) throws(FarmError) {
        try options.validate()
        self.options = options
        self.makeSource = makeSource
    }

    /// A range being rendered.
    private struct Current {
        let work: FarmWork
        let plan: HighlightPlan
        let source: any HighlightFrameSource
        var next: Int
        let started: ContinuousClock.Instant
    }

    /// Works until `shouldStop` says so (or, with `once`, the first job is over); throws only
    /// when the sockets cannot be set up.
    public func run(shouldStop: () -> Bool, events: (FarmWorkerEvent) -> Void = { _ in }) throws -> FarmWorkerSummary {
        let context = try ZMQContext()
        let pull = try PipelineSocket(context: context, role: .pull, highWaterMark: 4)
        let push = try PipelineSocket(context: context, role: .push, highWaterMark: 8)
        try pull.connect(options.endpoints.work)
        try push.connect(options.endpoints.results)
        var summary = FarmWorkerSummary(worker: options.worker)
        var drops = FarmDropLog(side: "worker \(options.worker)")
        var queue: [FarmWork] = []
        var current: Current?
        let rendered = Locked<Result<RGBImage, any Error>?>(nil)
        var inFlight = false
        var lastHeartbeat: ContinuousClock.Instant?
        var lastActivity = ContinuousClock.now
        let heartbeatEvery = Duration.milliseconds(Int(options.heartbeatSeconds * 1000))

        /// Sends, waiting while the coordinator is away; false when asked to stop meanwhile.
        func deliver(_ message: FarmMessage) throws -> Bool {
            let parts = message.encoded()
            while !(try push.send(parts, dontWait: true)) {
                if shouldStop() { return false }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return true
        }

        func fail(_ work: FarmWork, _ range: Range<Int>, _ error: String) throws {
            summary.failures += 1
            events(.rangeFailed(job: work.job, range: range, error: error))
            _ = try deliver(.failed(FarmFailure(job: work.job, range: range, worker: options.worker, error: error)))
        }

        /// Drops the queued and current ranges of jobs other than `job`. A frame of them still
        /// rendering is discarded when it comes back (`current` no longer holds it).
        func supersede(for job: String) {
            var stale = queue.filter { $0.job != job }.map { ($0.job, $0.range) }
            queue.removeAll { $0.job != job }
            if let range = current, range.work.job != job {
                stale.insert((range.work.job, range.next..<range.work.last), at: 0)
                current = nil
            }
            for (staleJob, ranges) in Dictionary(grouping: stale, by: \.0).sorted(by: { $0.key < $1.key }) {
                summary.rangesSuperseded += ranges.count
                events(.superseded(job: staleJob, ranges: ranges.map(\.1)))
            }
        }

        func refuse(_ drop: FarmDrop) {
            summary.dropped[drop.reason.rawValue, default: 0] += 1
            if let line = drops.record(drop) { events(.dropped(line)) }
        }

        while !shouldStop() {
            // 1. Take in work (quickly while a frame renders, so acceptances and heartbeats flow).
            if let parts = try pull.receive(timeoutMilliseconds: inFlight ? 10 : 100) {
                lastActivity = .now
                switch Result(catching: { () throws(FarmDrop) in try FarmMessage(parts: parts) }) {
                case .success(.work(let work)):
                    supersede(for: work.job)
                    queue.append(work)
                    events(.accepted(job: work.job, range: work.range))
                    _ = try deliver(.accepted(FarmRangeNotice(job: work.job, range: work.range, worker: options.worker)))
                case .success:
                    refuse(FarmDrop(.unexpectedKind, "a result on the work socket"))
                case .failure(let drop):
                    refuse(drop)
                }
            }
            // 2. A frame finished: send it at once.
            if inFlight, let result = rendered.withLock({ value -> Result<RGBImage, any Error>? in defer { value = nil }; return value }) {
                inFlight = false
                lastActivity = .now
                if var range = current {
                    switch result {
                    case .success(let image):
                        guard try deliver(.frame(FarmFrame(job: range.work.job, index: range.next, worker: options.worker, image: image))) else { break }
                        summary.frames += 1
                        events(.frameSent(job: range.work.job, index: range.next))
                        range.next += 1
                        if range.next == range.work.last {
                            summary.ranges += 1
                            events(.rangeDone(job: range.work.job, range: range.work.range, seconds: (ContinuousClock.now - range.started).seconds))
                            current = nil
                        } else {
                            current = range
                        }
                    case .failure(let error):
                        try fail(range.work, range.next..<range.work.last, "frame \(range.next): \(error)")
                        current = nil
                    }
                }
            }
            // 3. Start the next frame.
            if !inFlight && !shouldStop() {
                while current == nil, !queue.isEmpty {
                    let work = queue.removeFirst()
                    do { current = try prepare(work) } catch { try fail(work, work.range, "\(error)") }
                }
                if let range = current {
                    inFlight = true
                    let (source, plan, index) = (range.source, range.plan, range.next)
                    Task.detached {
                        do {
                            let image = try await source.frame(index, of: plan)
                            rendered.withLock { $0 = .success(image) }
                        } catch {
                            rendered.withLock { $0 = .failure(error) }
                        }
                    }
                }
            }
            // 4. Heartbeat: alive, holding these ranges (sent only if the coordinator is there).
            let now = ContinuousClock.now
            if lastHeartbeat.map({ now - $0 >= heartbeatEvery }) ?? true {
                lastHeartbeat = now
                let holding = (current.map { [$0.work] } ?? []) + queue
                _ = try push.send(FarmMessage.heartbeat(FarmHeartbeat(worker: options.worker, holding: holding.map { FarmHeldRange(job: $0.job, range: $0.range) })).encoded(),
                                  dontWait: true)
            }
            if options.once, summary.ranges + summary.failures > 0, current == nil, queue.isEmpty, !inFlight,
               now - lastActivity > .milliseconds(Int(options.onceIdleSeconds * 1000)) {
                summary.stopReason = "the job is done (--once)"
                return summary
            }
        }
        summary.stopReason = "asked to stop"
        return summary
    }

    /// The plan and frame source of `work`, reusing the last ones when they fit.
    private func prepare(_ work: FarmWork) throws -> Current {
        let plan: HighlightPlan
        if let cachedPlan, cachedPlan.job == work.job {
            plan = cachedPlan.plan
        } else {
            let path = try CameraPath.decode(Data(work.path.utf8), source: "job \(work.job)'s camera path")
            var highlight = HighlightOptions()
            highlight.size = ImageSize(width: work.width, height: work.height)
            highlight.framesPerSecond = work.framesPerSecond
            plan = try HighlightPlan(path: path, options: highlight)
            cachedPlan = (work.job, plan)
        }
        guard work.last <= plan.frameCount else {
            throw FarmError(.invalidOption, "frames \(work.first)..<\(work.last) lie beyond the \(plan.frameCount) frames of the job's path")
        }
        let origin = options.resolve(FarmOrigin(rig: work.rig, store: work.store))
        let source: any HighlightFrameSource
        if let cachedSource, cachedSource.origin == origin {
            source = cachedSource.source
        } else {
            cachedSource = nil  // release the old model's caches before building the new one
            source = try makeSource(origin)
            cachedSource = (origin, source)
        }
        return Current(work: work, plan: plan, source: source, next: work.first, started: .now)
    }
}

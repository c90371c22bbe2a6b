import Foundation
import Logging
import Metrics

/// Subscribes to publishers and keeps every accepted frame in a sink (the replay store): the
/// subscriber runs on the calling thread, the sink on a writer thread, a bounded queue between.
public final class Recorder {
    public let options: RecorderOptions
    private let context: ZMQContext
    private let subscriberOptions: SubscriberOptions
    private let sink: FrameSink
    private let logger: Logger

    public init(context: ZMQContext, subscriber: SubscriberOptions, sink: FrameSink, options: RecorderOptions,
                logger: Logger) throws(TransportError) {
        try options.validate()
        try subscriber.validate()
        self.context = context
        subscriberOptions = subscriber
        self.sink = sink
        self.options = options
        self.logger = logger
    }

    /// Records until `shouldStop` returns true, the idle timeout passes, or the sink fails (then
    /// the sink's error is thrown after the queue is closed). `report` is called every
    /// `reportSeconds` and once at the end.
    @discardableResult
    public func run(shouldStop: () -> Bool, report: (RecorderReport) -> Void = { _ in }) throws -> RecorderReport {
        let subscriber = try FrameSubscriber(context: context, options: subscriberOptions, logger: logger)
        let queue = FrameQueue(capacityBytes: options.queueBytes)
        let writer = SinkWriter(sink: sink, queue: queue)
        writer.start()
        let started = Date()
        var lastAccepted = Date()
        var lastReport = Date()
        var previous = subscriber.counters
        var sync = SyncMonitor()
        var stopReason = "stopped"
        while true {
            if shouldStop() { break }
            if writer.failure != nil { stopReason = "the store failed"; break }
            if let idle = options.untilIdleSeconds, Date().timeIntervalSince(lastAccepted) >= idle {
                stopReason = "idle for \(idle) s"
                break
            }
            if case let .frame(frame)? = try subscriber.next(timeoutMilliseconds: 100) {
                lastAccepted = Date()
                sync.add(camera: frame.header.camera, captureMicroseconds: frame.header.captureMicroseconds)
                if !queue.put(frame) { break }
            }
            if Date().timeIntervalSince(lastReport) >= options.reportSeconds {
                report(makeReport(subscriber, writer, queue, sync, since: previous, interval: Date().timeIntervalSince(lastReport), started: started))
                previous = subscriber.counters
                lastReport = Date()
            }
        }
        queue.close()
        writer.finish()
        var final = makeReport(subscriber, writer, queue, sync, since: previous, interval: Date().timeIntervalSince(lastReport), started: started)
        final.stopReason = writer.failure.map { "the store failed: \($0)" } ?? stopReason
        report(final)
        if let failure = writer.failure { throw failure }
        return final
    }

    private func makeReport(_ subscriber: FrameSubscriber, _ writer: SinkWriter, _ queue: FrameQueue, _ sync: SyncMonitor,
                            since previous: SubscriberCounters, interval: Double, started: Date) -> RecorderReport {
        let counters = subscriber.counters
        var rates: [String: RecorderReport.CameraRates] = [:]
        for (camera, now) in counters.cameras {
            let before = previous.cameras[camera] ?? CameraCounters()
            let seconds = max(interval, 1e-3)
            let rate = RecorderReport.CameraRates(framesPerSecond: Double(now.framesAccepted - before.framesAccepted) / seconds,
                                                  bytesPerSecond: Double(now.bytesAccepted - before.bytesAccepted) / seconds)
            rates[camera] = rate
            Gauge(label: "vantage_recorder_frames_per_second", dimensions: [("camera", camera)]).record(rate.framesPerSecond)
            Gauge(label: "vantage_recorder_bytes_per_second", dimensions: [("camera", camera)]).record(rate.bytesPerSecond)
        }
        let snapshot = sync.snapshot()
        for (camera, offset) in snapshot?.cameraOffsetMicroseconds ?? [:] {
            Gauge(label: "vantage_recorder_sync_offset_microseconds", dimensions: [("camera", camera)]).record(offset)
        }
        let depth = queue.depth
        return RecorderReport(counters: counters, rates: rates, sync: snapshot, framesWritten: writer.written,
                              queuedFrames: depth.frames, queuedBytes: depth.bytes, refusedPeers: subscriber.refusedPeers.count,
                              seconds: Date().timeIntervalSince(started), stopReason: nil)
    }
}

/// The writer thread: takes frames off the queue and appends them to the sink until the queue
/// is closed and drained, or the sink fails.
private final class SinkWriter: @unchecked Sendable {
    private let sink: FrameSink
    private let queue: FrameQueue
    private let state = Locked<(written: Int, failure: (any Error)?)>((0, nil))
    private let done = DispatchSemaphore(value: 0)

    init(sink: FrameSink, queue: FrameQueue) {
        self.sink = sink
        self.queue = queue
    }

    var written: Int { state.current.written }
    var failure: (any Error)? { state.current.failure }

    func start() {
        Thread.detachNewThread { [self] in
            defer { done.signal() }
            do {
                while let frame = queue.take() {
                    try sink.append(frame)
                    state.withLock { $0.written += 1 }
                }
                try sink.flush()
            } catch {
                state.withLock { $0.failure = error }
                queue.close()
            }
        }
    }

    /// Waits until everything queued is written (or the sink failed).
    func finish() { done.wait() }
}

import Foundation
import Logging
import VantageTransport

/// A recorder inside another process (`vantage serve --subscribe`, `vantage demo`): it keeps
/// every frame it receives in `store` on threads of its own while the process does other work.
public final class BackgroundRecording: Sendable {
    public let store: ReplayStore
    private let stopRequested = Locked(false)
    private let reports = Locked<RecorderReport?>(nil)
    private let failure = Locked<String?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    public init(context: ZMQContext, subscriber: SubscriberOptions, store: ReplayStore, options: RecorderOptions,
                logger: Logger) throws(TransportError) {
        let recorder = try Recorder(context: context, subscriber: subscriber, sink: store, options: options, logger: logger)
        self.store = store
        // Only the recording thread touches the recorder; the lock just carries it there.
        let handoff = Locked(recorder)
        Thread.detachNewThread { [stopRequested, reports, failure, finished] in
            defer { finished.signal() }
            do {
                _ = try handoff.withLock { recorder in
                    try recorder.run(shouldStop: { stopRequested.current }) { report in reports.withLock { $0 = report } }
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
                logger.error("recording into \(store.directory.path) stopped: \(error)")
            }
        }
    }

    /// The recorder's latest report (every `reportSeconds`), nil before the first.
    public var latestReport: RecorderReport? { reports.current }
    /// Why the recording stopped on its own (the store failed), if it did.
    public var failureMessage: String? { failure.current }

    /// Stops receiving, writes what is queued, and waits; the final report.
    @discardableResult
    public func stop() -> RecorderReport? {
        stopRequested.withLock { $0 = true }
        finished.wait()
        finished.signal()
        return reports.current
    }
}

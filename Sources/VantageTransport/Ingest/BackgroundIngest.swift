import Foundation
import VantageGeometry

/// An ingest node inside another process (`vantage demo`): `RigIngest` and its publisher on a
/// thread of their own, publishing until stopped or until the media end.
public final class BackgroundIngest: Sendable {
    /// The endpoint the publisher bound (with the port it picked for "*").
    public let endpoint: String
    private let stopRequested = Locked(false)
    private let outcome = Locked<Result<IngestSummary, TransportError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Opens the cameras' media and binds `publisher.endpoint` (throwing what either throws),
    /// then publishes once a subscriber arrives, or after `waitForSubscriberSeconds` regardless.
    public init(context: ZMQContext, rig: Rig, rigDirectory: URL, cameras: [String], options: IngestOptions,
                publisher: PublisherOptions, waitForSubscriberSeconds: Double = 10) throws(TransportError) {
        let bound = Locked<Result<String, TransportError>?>(nil)
        let ready = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [stopRequested, outcome, finished] in
            defer { finished.signal() }
            do throws(TransportError) {
                let ingest = try RigIngest(rig: rig, rigDirectory: rigDirectory, cameras: cameras, options: options)
                let framePublisher = try FramePublisher(context: context, options: publisher)
                bound.withLock { $0 = .success(framePublisher.boundEndpoint) }
                ready.signal()
                _ = framePublisher.waitForSubscriber(seconds: waitForSubscriberSeconds, shouldStop: { stopRequested.current })
                let summary = try ingest.run(publisher: framePublisher, shouldStop: { stopRequested.current })
                outcome.withLock { $0 = .success(summary) }
            } catch {
                if bound.current == nil {
                    bound.withLock { $0 = .failure(error) }
                    ready.signal()
                }
                outcome.withLock { $0 = .failure(error) }
            }
        }
        ready.wait()
        switch bound.current! {
        case let .success(endpoint): self.endpoint = endpoint
        case let .failure(error): throw error
        }
    }

    /// Whether the ingest has ended (media done, stopped, or failed).
    public var isFinished: Bool { outcome.current != nil }

    /// Stops publishing and waits for the thread; the summary, or the error that ended it.
    public func stop() throws(TransportError) -> IngestSummary {
        stopRequested.withLock { $0 = true }
        finished.wait()
        finished.signal()
        return try outcome.current!.get()
    }
}

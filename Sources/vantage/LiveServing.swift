import Foundation
import Logging
import VantageGeometry
import VantageReplay
import VantageServer
import VantageTransport

/// What `vantage serve --subscribe` and `vantage demo` share: a recorder filling a store while
/// the HTTP API serves it, the served replay refreshed every second as it grows.
struct LiveServing {
    let rig: Rig
    let storeDirectory: URL
    let endpoints: [String]
    let retentionSeconds: Double

    /// Starts recording, waits (up to `seconds`) until the store holds frames of the rig, and
    /// returns the recording and the service over its store. The recorder's and subscriber's
    /// counters go to the service's `/metrics` (once per process).
    func start(context: ZMQContext, options: ServerOptions, waitingUpTo seconds: Double = 30) async throws -> (BackgroundRecording, RenderService) {
        var storeOptions = ReplayStoreOptions()
        storeOptions.retentionSeconds = retentionSeconds
        let store = try ReplayStore(directory: storeDirectory, options: storeOptions)
        let metrics = ServerMetrics()
        metrics.exportProcessMetrics()
        var subscriber = SubscriberOptions(endpoints: endpoints)
        subscriber.rig = rig.name
        subscriber.cameras = Set(rig.cameras.map(\.camera.name))
        let recording = try BackgroundRecording(context: context, subscriber: subscriber, store: store, options: RecorderOptions(),
                                                logger: Logger(label: "vantage.record"))
        let deadline = Date().addingTimeInterval(seconds)
        var lastError: (any Error)?
        while Date() < deadline {
            do {
                // Two frames of every camera that delivers make a replay worth serving.
                if store.cameras.count > 0 && store.cameras.allSatisfy({ store.index(camera: $0).count >= 2 }) {
                    return (recording, try RenderService(rig: rig, store: store, options: options, metrics: metrics))
                }
            } catch {
                lastError = error
            }
            do {
                try await Task.sleep(for: .milliseconds(200))
            } catch {
                recording.stop()
                throw error
            }
        }
        recording.stop()
        throw LiveServingError("no frames of rig '\(rig.name)' arrived from \(endpoints.joined(separator: ", ")) within \(Int(seconds)) s"
            + (lastError.map { " (\($0))" } ?? ""))
    }

    /// Serves until SIGINT/SIGTERM, refreshing the replay every second; then stops recording.
    static func run(service: RenderService, recording: BackgroundRecording?, host: String, port: Int,
                    onRunning: @escaping @Sendable (Int?) async -> Void) async throws {
        let app = VantageHTTPServer.application(service: service, host: host, port: port, onServerRunning: onRunning)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await app.runService() } catch { throw LiveServingError("serving on \(host):\(port) failed: \(error)") }
            }
            if recording != nil { group.addTask { await service.keepRefreshing(every: .seconds(1)) } }
            // The server ends on a signal; the refresher with it.
            try await group.next()
            group.cancelAll()
        }
        service.shutdown()
        recording?.stop()
    }
}

struct LiveServingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

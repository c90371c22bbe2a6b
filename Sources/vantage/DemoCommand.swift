import ArgumentParser
import Foundation
import VantageGeometry
import VantageMedia
import VantageReplay
import VantageSample
import VantageServer
import VantageTransport

/// `vantage demo`: the whole system in one process on the bundled stadium sample.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole system in one process on the stadium sample: ingest, record, serve the viewer and the director console.",
        discussion: """
            Renders the synthetic stadium into --sample the first time (about a minute), then publishes its cameras \
            over ZeroMQ on loopback exactly as an ingest node would (paced like live cameras, looping), records \
            them into a replay store, and serves the replay: the fan's viewer at / and the director console at \
            /director. The director token is printed (or read from --director-token). Stop with Ctrl-C.
            """)

    @Option(help: "The sample folder; rendered there first when it holds no sample.")
    var sample = "Samples/stadium"

    @Option(help: "The replay store folder (default: a new folder under the system's temporary folder).")
    var store: String?

    @Option(help: "Address to listen on, host:port.")
    var http = "127.0.0.1:8080"

    @Option(help: "A file holding the director's token (default: a new random token, printed).")
    var directorToken: String?

    func run() async throws {
        FFmpegLog.setLevel(.quiet)
        let address = try HostAndPort(http)
        let folder = URL(fileURLWithPath: sample)
        let rigFile = folder.appendingPathComponent(SampleLayout.sourceRigName)
        if !FileManager.default.fileExists(atPath: rigFile.path) { try renderSample(into: folder) }
        let rig = try loadRig(at: rigFile.path)
        let token = try directorToken.map(readTokenFile) ?? UUID().uuidString.lowercased()
        var options = ServerOptions()
        options.directorToken = token

        let context = try ZMQContext()
        var ingestOptions = IngestOptions()
        ingestOptions.realtime = true
        ingestOptions.loop = true
        let publisher = PublisherOptions(endpoint: "tcp://127.0.0.1:*", rig: rig.name, node: "demo-ingest")
        let ingest = try BackgroundIngest(context: context, rig: rig, rigDirectory: folder,
                                          cameras: rig.cameras.filter { $0.media != nil }.map(\.camera.name),
                                          options: ingestOptions, publisher: publisher)
        let storeFolder = store.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("vantage-demo-\(UUID().uuidString.prefix(8))")
        printError("publishing \(rig.cameras.count) cameras on \(ingest.endpoint); recording into \(storeFolder.path)")
        let live = LiveServing(rig: rig, storeDirectory: storeFolder, endpoints: [ingest.endpoint], retentionSeconds: 600)
        let (recording, service) = try await live.start(context: context, options: options)
        try await LiveServing.run(service: service, recording: recording, host: address.host, port: address.port) { port in
            let base = "http://\(address.urlHost):\(port ?? address.port)"
            print("Vantage demo: \(rig.name), \(rig.cameras.count) cameras, live from \(ingest.endpoint)")
            print("  viewer:   \(base)/")
            print("  director: \(base)/director   (director token: \(token))")
            print("  API:      \(base)/openapi.yaml")
            print("Ctrl-C stops.")
            fflush(nil)
        }
        _ = try? ingest.stop()
        print("stopped")
    }

    /// The README's sample: eight source cameras, no depth maps, with a progress bar.
    private func renderSample(into folder: URL) throws {
        printError("rendering the stadium sample into \(folder.path) (once)")
        var options = SampleOptions(output: folder)
        options.depthMaps = .none
        let progress = ProgressReporter(task: "stadium")
        _ = try SampleGenerator.generate(options) { step in
            progress.report(done: step.framesDone, total: step.frameCount, elapsedSeconds: step.elapsedSeconds)
        }
    }
}

import ArgumentParser
import Foundation
import VantageMedia
import VantageReplay
import VantageServer
import VantageTransport

/// `vantage serve`: the HTTP API over a replay store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a replay store over HTTP: rig, replay, still renders of any pose, camera frames, metrics.",
        discussion: """
            The API is described at /openapi.yaml; /health and Prometheus /metrics sit beside it. Viewers are \
            read-only; requests that start jobs need the director token (--director-token, a file holding it) as \
            'Authorization: Bearer <token>'. Renders run on a thread of their own, one at a time: stills and camera \
            frames wait behind a queue of --render-queue places (503 beyond it), while viewer sessions, streams and \
            highlight jobs each keep one render in line and are served in turn; each client gets --rate-limit requests per second in bursts of \
            --burst (429 beyond it). With --subscribe it also records what ingest nodes publish into the store \
            (created if missing) and serves the replay as it grows. Stops cleanly on SIGINT/SIGTERM.
            """)

    @Option(help: "The rig file (vantage JSON, or any calibration `rig import` reads): the cameras' calibration.")
    var rig: String

    @Option(help: "The replay store folder to serve (read-only unless --subscribe records into it).")
    var store: String

    @Option(name: .customLong("subscribe"), help: "An ingest node's endpoint to record from while serving; repeat for more.")
    var endpoints: [String] = []

    @Option(help: "With --subscribe: seconds of capture time the store keeps.")
    var retention = 600.0

    @Option(help: "Address to listen on, host:port.")
    var http = "127.0.0.1:8080"

    @Option(help: "A file holding the director's token (surrounding whitespace is ignored).")
    var directorToken: String?

    @Option(help: "Largest render a client may ask for, WxH (its area, and neither side beyond the longer side).")
    var maxRenderSize = "1920x1080"

    @Option(help: "Render requests that may wait behind the one being rendered.")
    var renderQueue = 8

    @Option(help: "Folder for the clips of highlight jobs (POST /api/jobs); default: a new temporary folder.")
    var jobs: String?

    @Option(help: "Requests per second each client may make on average.")
    var rateLimit = 50.0

    @Option(help: "Requests each client may make in one burst.")
    var burst = 100.0

    func validate() throws {
        _ = try HostAndPort(http)
        _ = try options(token: nil)
    }

    func run() async throws {
        FFmpegLog.setLevel(.quiet)
        let address = try HostAndPort(http)
        let options = try options(token: try readToken())
        let loaded = try loadRig(at: rig)
        let context = try ZMQContext()
        let recording: BackgroundRecording?
        let service: RenderService
        if endpoints.isEmpty {
            recording = nil
            service = try RenderService(rig: loaded, storeDirectory: URL(fileURLWithPath: store), options: options)
        } else {
            printError("recording \(endpoints.joined(separator: ", ")) into \(store); waiting for frames")
            let live = LiveServing(rig: loaded, storeDirectory: URL(fileURLWithPath: store), endpoints: endpoints, retentionSeconds: retention)
            (recording, service) = try await live.start(context: context, options: options)
        }
        let replay = service.replayInfo
        let summary = "serving rig '\(loaded.name)' (\(service.cameras.count) cameras, \(replay.moments) moments, "
            + String(format: "%.2f s", replay.durationSeconds) + ") from \(store)" + (recording == nil ? "" : ", recording")
        try await LiveServing.run(service: service, recording: recording, host: address.host, port: address.port) { [directorToken] port in
            let base = "http://\(address.urlHost):\(port ?? address.port)"
            print(summary)
            print("listening on \(base)/  (API: \(base)/openapi.yaml, health: \(base)/health, metrics: \(base)/metrics)")
            if options.directorToken != nil { print("director requests need 'Authorization: Bearer <token from \(directorToken ?? "")>'") }
            fflush(nil)  // every stream: the URL line must reach a pipe at once
        }
        print("stopped")
    }

    private func options(token: String?) throws -> ServerOptions {
        var options = ServerOptions()
        do {
            try options.setMaxRenderSize(maxRenderSize)
            options.renderQueueCapacity = renderQueue
            options.requestsPerSecond = rateLimit
            options.requestBurst = burst
            options.directorToken = token
            options.jobsDirectory = jobs.map { URL(fileURLWithPath: $0) }
            try options.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return options
    }

    private func readToken() throws -> String? { try directorToken.map(readTokenFile) }
}

/// The director's token from `--director-token <file>` (surrounding whitespace ignored).
func readTokenFile(_ path: String) throws -> String {
    let text: String
    do {
        text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw ValidationError("--director-token \(path): cannot read the file (\(error.localizedDescription))")
    }
    let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !token.isEmpty else { throw ValidationError("--director-token \(path): the file holds no token") }
    return token
}

/// `host:port` (`[v6 address]:port` for IPv6).
struct HostAndPort {
    var host: String
    var port: Int

    init(_ text: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--http \(text): expected host:port, e.g. 127.0.0.1:8080")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--http \(text): the host is missing, e.g. 127.0.0.1:8080 or 0.0.0.0:8080") }
        self.host = host
        self.port = port
    }

    /// The host as it goes in a URL.
    var urlHost: String { host.contains(":") ? "[\(host)]" : host }
}

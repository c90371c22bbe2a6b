import ArgumentParser

/// `count`: a sink for any publisher (e.g. `vantage ingest`): counts frames and bytes until idle.
struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Count the frames of every rig on an endpoint until none come.")

    @Option(help: "Publisher endpoint to connect to.")
    var endpoint: String
    @Option(help: "Seconds to wait for the first frame.")
    var startTimeout = 60.0
    @Option(help: "Seconds without a frame after which the run ends.")
    var idleTimeout = 2.0
    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let report = try receiveFrames(endpoint: endpoint, rig: nil, limit: nil,
                                       startSeconds: startTimeout, idleSeconds: idleTimeout) { _ in }
        try report.print(json: json)
    }
}

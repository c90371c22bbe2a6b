import ArgumentParser
import VantageTransport

/// `subscribe`: receives the publisher's frames and checks each one's layout and sampled bytes.
struct Subscribe: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Receive N raw frames from `publish`, check them, print the rate.")

    @Option(help: "Publisher endpoint to connect to.")
    var endpoint: String
    @Option(help: "Frames to wait for.")
    var frames = 300
    @Option var width = 1920
    @Option var height = 1080
    @Option(help: "Seconds to wait for the first frame.")
    var startTimeout = 60.0
    @Option(help: "Seconds without a frame after which the run ends.")
    var idleTimeout = 5.0
    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let layout = PayloadLayout.raw(planes: [RawPlane(bytesPerRow: width * 3, rows: height)])
        var bad = 0
        var report = try receiveFrames(endpoint: endpoint, rig: BenchStream.rig, limit: frames,
                                       startSeconds: startTimeout, idleSeconds: idleTimeout) { frame in
            let header = frame.header
            let expected = header.width == width && header.height == height && header.pixelFormatName == "rgb24"
                && header.payload == layout && frame.payload.count == width * height * 3
            if !expected || !TestFrames.check(frame.payload, sequence: header.sequence) { bad += 1 }
        }
        report.badFrames = bad
        report.missing = frames - report.frames
        try report.print(json: json)
        if bad > 0 { throw ExitCode(1) }
    }
}

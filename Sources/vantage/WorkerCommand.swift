import ArgumentParser
import Foundation
import VantageHighlights
import VantageMedia
import VantageSynthesis

/// `vantage worker`: renders ranges of camera-path frames for `render-path --farm` coordinators.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Render frames for `vantage render-path --farm` (a render farm worker).",
        discussion: """
            Connects to a coordinator's work endpoint (PORT) and results endpoint (PORT+1), renders the \
            ranges it is given with the view model, and sends each frame back as soon as it is rendered. \
            The rig, its media and any store must be readable here at the paths the coordinator names \
            (a shared filesystem), or give --rig/--store. Runs until SIGINT or SIGTERM (or, with --once, \
            until the first job is over). See docs/render-farm.md.
            """)

    @Option(help: ArgumentHelp("The coordinator's work endpoint; results go to PORT+1.", valueName: "tcp://HOST:PORT"))
    var connect: String

    @Option(help: "Use this rig file instead of the one each job names.")
    var rig: String?

    @Option(help: "Use this replay store instead of the one each job names.")
    var store: String?

    @Option(help: "This worker's name in results and logs (default: host:pid).")
    var name: String?

    @Flag(help: "Exit once the first job is over (nothing held, nothing received for 3 s).")
    var once = false

    @Flag(help: "Print one JSON line per event on standard output instead of text on standard error.")
    var json = false

    func run() throws {
        FFmpegLog.setLevel(.quiet)
        var options = FarmWorkerOptions(endpoints: try FarmEndpoints(parsing: connect))
        options.rigOverride = rig
        options.storeOverride = store
        options.once = once
        if let name { options.worker = name }
        let worker = try FarmWorker(options: options) { origin in
            var arguments = ["--rig", origin.rig]
            if let store = origin.store { arguments += ["--store", store] }
            let (loaded, frames) = try RigOption.parse(arguments).open()
            return ModelFrameSource(model: try ImageBasedModel(rig: loaded, frames: frames), frames: frames)
        }
        let stop = StopSignal()
        let json = json
        if !json { printError("worker \(options.worker): connected to \(options.endpoints.work) (work) and \(options.endpoints.results) (results)") }
        let summary = try worker.run(shouldStop: { stop.isRaised }) { event in
            if json { Self.printLine(Self.jsonLine(event)) } else if let line = Self.textLine(event) { printError(line) }
        }
        var final = summary
        if stop.isRaised { final.stopReason = "stopped by \(stop.name)" }
        if json { Self.printLine(try jsonText(final)) } else {
            printError("worker \(final.worker): \(final.frames) frames in \(final.ranges) ranges, \(final.failures) failed; \(final.stopReason)")
        }
    }

    /// One line on standard output at once (not buffered), so a log or a pipe sees each event as it happens.
    private static func printLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func textLine(_ event: FarmWorkerEvent) -> String? {
        switch event {
        case .accepted(let job, let range): "accepted frames \(range.lowerBound)..<\(range.upperBound) of job \(job)"
        case .frameSent: nil
        case .rangeDone(let job, let range, let seconds): "rendered frames \(range.lowerBound)..<\(range.upperBound) of job \(job) in \(fixed(seconds, 1)) s"
        case .rangeFailed(let job, let range, let error): "failed frames \(range.lowerBound)..<\(range.upperBound) of job \(job): \(error)"
        case .superseded(let job, let ranges): "dropped \(ranges.reduce(0) { $0 + $1.count }) unrendered frames of job \(job): a newer job came, so its coordinator is gone"
        case .dropped(let line): line
        }
    }

    private static func jsonLine(_ event: FarmWorkerEvent) -> String {
        func line(_ fields: [String: Any]) -> String {
            (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        switch event {
        case .accepted(let job, let range): return line(["event": "accepted", "job": job, "first": range.lowerBound, "last": range.upperBound])
        case .frameSent(let job, let index): return line(["event": "frame", "job": job, "index": index])
        case .rangeDone(let job, let range, let seconds): return line(["event": "rendered", "job": job, "first": range.lowerBound, "last": range.upperBound, "seconds": seconds])
        case .rangeFailed(let job, let range, let error): return line(["event": "failed", "job": job, "first": range.lowerBound, "last": range.upperBound, "error": error])
        case .superseded(let job, let ranges): return line(["event": "superseded", "job": job, "frames": ranges.reduce(0) { $0 + $1.count }])
        case .dropped(let text): return line(["event": "dropped", "message": text])
        }
    }
}

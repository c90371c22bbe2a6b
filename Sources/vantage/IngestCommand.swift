import ArgumentParser
import Foundation
import Logging
import VantageGeometry
import VantageMedia
import VantageTransport

/// `vantage ingest`: an ingest node. Reads camera media and publishes the frames over ZeroMQ.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Publish cameras' frames over ZeroMQ with capture times on the rig clock (wire protocol v1).",
        discussion: """
            Compressed packets are passed through untouched; --raw decodes and sends RGB planes instead. Capture \
            times come from the rig's per-frame timestamp file (caliscope timestamps.csv), else stream time plus \
            the media's offset. Without --realtime the frames go out as fast as subscribers take them and none is \
            dropped; with --realtime they are paced like live cameras and a subscriber that falls behind loses \
            frames (it counts them). Stop with Ctrl-C: a final heartbeat and the summary are sent first.
            """)

    @Option(help: "The rig file; its cameras' media are read.")
    var rig: String

    @Option(name: .customLong("camera"), help: "A camera to publish; repeat for more.")
    var cameras: [String] = []

    @Flag(help: "Publish every camera of the rig that has media.")
    var all = false

    @Option(help: "Endpoint to bind, e.g. tcp://*:5555 (tcp://127.0.0.1:* picks a free port and prints it).")
    var publish: String

    @Flag(help: "Pace frames by their capture times, like live cameras.")
    var realtime = false

    @Flag(help: "Start again at the end, with capture times continuing.")
    var loop = false

    @Flag(help: "Decode and send raw RGB planes instead of the compressed packets.")
    var raw = false

    @Option(help: "This node's name in heartbeats (default: ingest-<host>).")
    var node: String?

    @Option(help: "Seconds to wait for a first subscriber before sending (0: start at once).")
    var waitForSubscriber = 10.0

    @Option(help: "Messages queued per subscriber before it loses frames (--realtime) or ingest waits.")
    var highWaterMark: Int32 = 200

    @OptionGroup var curve: PublisherCurveOptions

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        guard all != !cameras.isEmpty else { throw ValidationError("give --camera <name> (repeatable) or --all") }
        guard waitForSubscriber >= 0, waitForSubscriber.isFinite else { throw ValidationError("--wait-for-subscriber must be 0 or more seconds") }
    }

    func run() throws {
        FFmpegLog.setLevel(.quiet)
        let stop = StopSignal()
        let loaded = try loadRig(at: rig)
        let rigDirectory = URL(fileURLWithPath: rig).deletingLastPathComponent()
        let names = all ? loaded.cameras.filter { $0.media != nil }.map(\.camera.name) : cameras
        guard !names.isEmpty else { throw ValidationError("rig \(loaded.name) has no camera with media") }
        var ingestOptions = IngestOptions()
        ingestOptions.realtime = realtime
        ingestOptions.loop = loop
        ingestOptions.raw = raw
        let ingest = try RigIngest(rig: loaded, rigDirectory: rigDirectory, cameras: names, options: ingestOptions)

        var options = PublisherOptions(endpoint: publish, rig: loaded.name, node: node ?? "ingest-\(ProcessInfo.processInfo.hostName)")
        options.dropWhenFull = realtime
        options.sendHighWaterMark = highWaterMark
        options.curve = try curve.security()
        let context = try ZMQContext()
        let publisher = try FramePublisher(context: context, options: options)
        printError("publishing \(names.joined(separator: ", ")) of rig \(loaded.name) on \(publisher.boundEndpoint)")
        if waitForSubscriber > 0 && !publisher.waitForSubscriber(seconds: waitForSubscriber, shouldStop: { stop.isRaised }) {
            printError("warning: no subscriber after \(fixed(waitForSubscriber, 1)) s; publishing anyway (frames nobody receives are gone)")
        }
        let summary = try ingest.run(publisher: publisher, shouldStop: { stop.isRaised }) { progress in
            printError("sent \(progress.frames) frames, \(fixed(Double(progress.cameras.reduce(0) { $0 + $1.bytes }) / 1e6, 1)) MB in \(fixed(progress.seconds, 1)) s")
        }
        if stop.isRaised { printError("stopped by \(stop.name)") }
        print(json ? try jsonText(summary) : Self.text(summary))
    }

    static func text(_ summary: IngestSummary) -> String {
        var table = TextTable(header: ["camera", "frames", "MB", "untimed", "source"])
        for camera in summary.cameras {
            table.rows.append([camera.camera, "\(camera.frames)", fixed(Double(camera.bytes) / 1e6, 2), "\(camera.untimedFrames)", camera.source])
        }
        let rate = summary.seconds > 0 ? Double(summary.frames) / summary.seconds : 0
        return table.rendered() + "\n\(summary.frames) frames in \(fixed(summary.seconds, 2)) s (\(fixed(rate, 1)) frames/s), \(summary.passes) pass\(summary.passes == 1 ? "" : "es")"
    }
}

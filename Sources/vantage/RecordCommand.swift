import ArgumentParser
import Foundation
import Logging
import VantageGeometry
import VantageReplay
import VantageTransport

/// `vantage record`: subscribe to ingest nodes and keep every frame in a replay store.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Subscribe to ingest nodes over ZeroMQ and write every frame into a replay store.",
        discussion: """
            Connects to any number of publishers (they may start before or after the recorder). Every \
            message is checked: garbage, bad headers, unknown versions, oversized payloads, sequences that go \
            back and cameras not in the rig (--rig) are counted, logged once per burst and dropped. Frames \
            missing from sequence gaps are counted as lost; a stream joined mid-way starts at its next keyframe. \
            Per-camera rates, loss and sync spread are logged every --report-every seconds. Stops cleanly on \
            SIGINT/SIGTERM or after --until-idle seconds without frames; the store keeps everything written.
            """)

    @Option(name: .customLong("subscribe"), help: "A publisher endpoint, e.g. tcp://10.0.0.5:5555; repeat for more.")
    var endpoints: [String] = []

    @Option(help: "The replay store folder (created if missing or empty).")
    var store: String

    @Option(help: "The rig file: only its cameras are accepted, and only frames of its name.")
    var rig: String?

    @Option(help: "Seconds of capture time the store keeps; older whole segments are deleted.")
    var retention = 600.0

    @Option(help: "Stop after this many seconds without a frame.")
    var untilIdle: Double?

    @Option(help: "Seconds between the per-camera metric lines on standard error.")
    var reportEvery = 5.0

    @Option(help: "Messages libzmq queues for this recorder before publishers drop frames for it.")
    var highWaterMark: Int32 = 1000

    @Option(help: "Megabytes of frames held in memory while the disk catches up.")
    var queueMegabytes = 256

    @OptionGroup var curve: SubscriberCurveOptions

    @Flag(help: "Print the final summary as JSON.")
    var json = false

    func validate() throws {
        guard !endpoints.isEmpty else { throw ValidationError("give at least one --subscribe <endpoint>") }
        guard retention > 0, retention.isFinite else { throw ValidationError("--retention must be a positive number of seconds") }
        guard queueMegabytes > 0 else { throw ValidationError("--queue-megabytes must be positive") }
    }

    func run() throws {
        let stop = StopSignal()
        let logger = Logger(label: "vantage.record")
        var subscriber = SubscriberOptions(endpoints: endpoints)
        subscriber.receiveHighWaterMark = highWaterMark
        subscriber.curve = try curve.security()
        if let rig {
            let loaded = try loadRig(at: rig)
            subscriber.rig = loaded.name
            subscriber.cameras = Set(loaded.cameras.map(\.camera.name))
        }
        var storeOptions = ReplayStoreOptions()
        storeOptions.retentionSeconds = retention
        let replay = try ReplayStore(directory: URL(fileURLWithPath: store), options: storeOptions, logger: logger)
        var recorderOptions = RecorderOptions()
        recorderOptions.queueBytes = queueMegabytes << 20
        recorderOptions.reportSeconds = reportEvery
        recorderOptions.untilIdleSeconds = untilIdle
        let context = try ZMQContext()
        let recorder = try Recorder(context: context, subscriber: subscriber, sink: replay, options: recorderOptions, logger: logger)
        printError("recording \(endpoints.joined(separator: ", ")) into \(store)")
        var final: RecorderReport?
        let failure: (any Error)?
        do {
            try recorder.run(shouldStop: { stop.isRaised }) { report in
                if report.stopReason == nil { RecordReportText.lines(report).forEach { printError($0) } } else { final = report }
            }
            failure = nil
        } catch {
            failure = error
        }
        try replay.close()
        if var final {
            if stop.isRaised { final.stopReason = "stopped by \(stop.name)" }
            let summary = ReplaySummary(replay)
            if json {
                print(try jsonText(RecordSummary(report: final, store: StoreInfoReport(summary, options: replay.options))))
            } else {
                print(RecordReportText.summary(final))
                print("store \(store): \(summary.cameras.reduce(0) { $0 + $1.frames }) frames, \(summary.sync.completeMoments) complete moments")
            }
        }
        if let failure { throw failure }
    }
}

/// `vantage record --json`'s output.
struct RecordSummary: Encodable {
    var report: RecorderReport
    var store: StoreInfoReport
}

import ArgumentParser
import Foundation
import Logging
import VantageReplay

/// `vantage store`: inspect a replay store.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Inspect the replay store a novel-view generator keeps of the recent past.",
        subcommands: [StoreInfoCommand.self])
}

struct StoreInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print a store's cameras, frame counts, time range, gaps, moments and damage.",
        discussion: "Opens the store read-only: nothing on disk changes, retention included. A gap is an interval between frames longer than 1.5 times the camera's median interval.")

    @Argument(help: "The store's folder (the one holding store.json).")
    var directory: String

    @Flag(help: "Print JSON for scripts instead of tables.")
    var json = false

    @Option(help: "Frames within this many milliseconds of a moment's midpoint belong to it (default: half the median frame interval).")
    var toleranceMs: Double?

    func validate() throws {
        if let toleranceMs, !(toleranceMs.isFinite && toleranceMs >= 0) {
            throw ValidationError("--tolerance-ms must be a number of milliseconds ≥ 0, got \(toleranceMs)")
        }
    }

    func run() throws {
        // Damage goes into the report below; the store's own log lines would repeat it.
        var logger = Logger(label: "vantage.store")
        logger.logLevel = .critical
        let store = try ReplayStore(directory: URL(fileURLWithPath: directory), access: .readOnly, logger: logger)
        let summary = ReplaySummary(store, toleranceMicroseconds: toleranceMs.map { Int64(($0 * 1000).rounded()) })
        print(json ? try jsonText(StoreInfoReport(summary, options: store.options)) : StoreInfoReport(summary, options: store.options).table())
    }
}

import ArgumentParser
import Foundation
import VantageGeometry
import VantageSynthesis

/// `--rig <file>` for the commands that render or measure: a rig file and its media.
struct RigOption: ParsableArguments {
    @Option(help: "The rig file (vantage JSON, or any calibration `rig import` reads); its media are the sources.")
    var rig: String

    /// Reads the rig (warnings to standard error) and opens its media.
    func open() throws -> (rig: Rig, frames: RigFrameSource) {
        let loaded = try load()
        return (loaded, try frames(of: loaded))
    }

    /// Reads the rig, printing the reader's warnings to standard error.
    func load() throws -> Rig { try loadRig(at: rig) }

    /// Opens the media of `loaded` (read from this option's file), warning about unreadable ones.
    func frames(of loaded: Rig) throws -> RigFrameSource {
        let frames = try RigFrameSource(rig: loaded, rigDirectory: URL(fileURLWithPath: rig).deletingLastPathComponent())
        frames.unavailable.sorted { $0.key < $1.key }.forEach { printError("warning: \($0.value)") }
        return frames
    }
}

/// `--time <seconds>` or `--frame <n>`; frame 0 when neither is given.
struct ReplayTimeOptions: ParsableArguments {
    @Option(help: "Seconds from the start of the replay.")
    var time: Double?

    @Option(help: "Frame number at the rig's frame rate (0 = first).")
    var frame: Int?

    func validate() throws {
        if time != nil && frame != nil { throw ValidationError("give --time or --frame, not both") }
    }

    var replayTime: ReplayTime { time.map(ReplayTime.seconds) ?? .frame(frame ?? 0) }
}

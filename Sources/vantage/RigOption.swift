import ArgumentParser
import Foundation
import VantageGeometry
import VantageReplay
import VantageSynthesis

/// `--rig <file>` for the commands that render or measure: a rig file and its media, or a
/// replay store (`--store`) that a recorder filled with the rig's cameras.
struct RigOption: ParsableArguments {
    @Option(help: "The rig file (vantage JSON, or any calibration `rig import` reads); its media are the sources.")
    var rig: String

    @Option(help: "Read the frames from this replay store (`vantage record`) instead of the rig's media.")
    var store: String?

    /// Reads the rig (warnings to standard error) and opens its frames.
    func open() throws -> (rig: Rig, frames: any FrameSource) {
        let loaded = try load()
        return (loaded, try frames(of: loaded))
    }

    /// Reads the rig, printing the reader's warnings to standard error.
    func load() throws -> Rig { try loadRig(at: rig) }

    /// Opens the store, or else the media of `loaded` (read from this option's file), warning
    /// about unreadable ones.
    func frames(of loaded: Rig) throws -> any FrameSource {
        if let store {
            let replay = try ReplayStore(directory: URL(fileURLWithPath: store), access: .readOnly)
            replay.damage.forEach { printError("warning: \($0)") }
            return try StoreFrameSource(rig: loaded, store: replay)
        }
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

import ArgumentParser
import Foundation
import VantageGeometry

/// What every preset (`path orbit`, `seat`, `fly`) takes: duration, replay timing, size, the rig
/// whose bounds the path must respect, and where to write it.
struct PathPresetOptions: ParsableArguments {
    @Option(help: "How long the move lasts, in seconds of clip time.")
    var seconds: Double

    @Option(help: "Replay time (seconds from the start of the replay) at the start of the move.")
    var replayStart: Double = 0

    @Option(help: "Replay seconds per clip second: 1 real time, 0.25 slow motion, 0 frozen (bullet time).")
    var replaySpeed: Double = 1

    @Option(help: "Output size hint WxH, e.g. 1280x720.")
    var size: String?

    @Option(help: "A rig file: with a bounds box, the path must stay inside it (required by `fly`, which reads its cameras).")
    var rig: String?

    @Option(name: .shortAndLong, help: "Where to write the path JSON (default: standard output).")
    var output: String?

    func validate() throws {
        if let size, ImageSize(parsing: size) == nil { throw ValidationError("--size \(size): expected WxH, e.g. 1280x720") }
    }

    var timing: ReplayTiming { ReplayTiming(start: replayStart, speed: replaySpeed) }

    var imageSize: ImageSize? { size.flatMap(ImageSize.init(parsing:)) }

    /// Checks `path` against the rig's bounds (when a rig was given) and writes it.
    func emit(_ path: CameraPath, rig loaded: Rig? = nil) throws {
        let bounds = try loaded?.bounds ?? rig.map(loadRig(at:))?.bounds
        try path.validate(source: output ?? "path \"\(path.name)\"", bounds: bounds)
        try writePath(path, to: output)
    }
}

/// Writes a path to `output` (with a one-line summary on standard output) or, without one, the
/// path JSON itself to standard output.
func writePath(_ path: CameraPath, to output: String?) throws {
    guard let output else { print(path.jsonText, terminator: ""); return }
    try path.write(to: URL(fileURLWithPath: output))
    print("wrote \(output): \(path.keyframes.count) keyframes, \(fixed(path.duration, 2)) s")
}

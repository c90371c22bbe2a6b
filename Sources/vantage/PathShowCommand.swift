import ArgumentParser
import Foundation
import VantageGeometry

struct PathShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Summarize a camera path: duration, keyframes, length, top speed, replay times.")

    @Argument(help: "The camera path JSON.")
    var path: String

    @Option(help: "A rig file: with a bounds box, check that the path stays inside it.")
    var rig: String?

    @Flag(help: "Print JSON for scripts instead of text.")
    var json = false

    func run() throws {
        let bounds = try rig.map(loadRig(at:))?.bounds
        let sampler = PathSampler(try CameraPath.load(from: URL(fileURLWithPath: path), bounds: bounds))
        let summary = PathSummary(sampler)
        print(json ? try jsonText(summary) : text(summary, sampler))
    }

    private func text(_ s: PathSummary, _ sampler: PathSampler) -> String {
        let replay = s.replayMinSeconds == s.replayMaxSeconds
            ? "frozen at \(fixed(s.replayStartSeconds, 3)) s"
            : "\(fixed(s.replayStartSeconds, 3)) s → \(fixed(s.replayEndSeconds, 3)) s"
        var lines = [
            "Path \"\(s.name)\": \(s.keyframes) keyframes, \(fixed(s.durationSeconds, 3)) s, \(fixed(s.lengthMetres, 2)) m, max speed \(fixed(s.maxSpeedMetresPerSecond, 2)) m/s",
            "replay: \(replay); orientation \(s.orientation.rawValue)\(s.constantSpeed ? ", constant speed" : ""); field of view \(fixed(s.minFieldOfViewDegrees, 1))°–\(fixed(s.maxFieldOfViewDegrees, 1))°",
        ]
        var table = TextTable(header: ["#", "time s", "at s", "position (m)", "hfov°", "replay s"])
        for (index, (keyframe, passTime)) in zip(sampler.path.keyframes, sampler.passTimes).enumerated() {
            table.rows.append([String(index), fixed(keyframe.time, 3), fixed(passTime, 3), fixed(keyframe.position, 2),
                               fixed(keyframe.horizontalFieldOfViewDegrees, 1), fixed(sampler.path.replayTime(atPathTime: passTime), 3)])
        }
        lines.append(table.rendered())
        return lines.joined(separator: "\n")
    }
}

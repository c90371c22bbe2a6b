import ArgumentParser
import Foundation
import VantageGeometry

/// `vantage path`: make, inspect and convert camera paths for highlight clips.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Make, inspect and convert camera paths (the virtual camera's move for a highlight clip).",
        discussion: """
            A camera path is JSON (Calibration/camera-path.schema.json, docs/camera-paths.md): keyframes of \
            position, orientation and field of view on the clip's clock, and a time map to replay time. \
            `orbit`, `seat` and `fly` make ready paths; `show` summarizes one; `import-trace` and \
            `export-trace` convert to and from the MPEG pose-trace CSV of the MPEG reference tools.
            """,
        subcommands: [PathOrbitCommand.self, PathSeatCommand.self, PathFlyCommand.self, PathShowCommand.self,
                      PathImportTraceCommand.self, PathExportTraceCommand.self])
}

/// `x,y,z` as a world point; `option` names the flag in the error.
func parseVector3(_ text: String, option: String) throws -> Vector3 {
    let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 3, let x = parts[0], let y = parts[1], let z = parts[2], x.isFinite, y.isFinite, z.isFinite else {
        throw ValidationError("\(option) \(text): expected x,y,z in metres, e.g. 0,0,0")
    }
    return Vector3(x, y, z)
}

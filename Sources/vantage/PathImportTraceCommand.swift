import ArgumentParser
import Foundation
import VantageGeometry

struct PathImportTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-trace",
        abstract: "Read an MPEG pose trace (CSV: X,Y,Z,Yaw,Pitch,Roll per frame) as a camera path.",
        discussion: """
            Positions are in the world frame (metres, z up); Yaw, Pitch, Roll are MPEG OMAF angles in degrees. \
            The trace has no clock and no field of view: frame n becomes a keyframe at n/--fps seconds, with --fov.
            """)

    @Argument(help: "The pose-trace CSV.")
    var trace: String

    @Option(help: "Frame rate of the trace.")
    var fps: Double = 30

    @Option(help: "Horizontal field of view in degrees (the trace has none).")
    var fov: Double = 60

    @Option(help: "A rig file: with a bounds box, the path must stay inside it.")
    var rig: String?

    @Option(name: .shortAndLong, help: "Where to write the path JSON (default: standard output).")
    var output: String?

    func validate() throws {
        guard fps.isFinite, fps > 0 else { throw ValidationError("--fps \(fps): expected a positive frame rate") }
        guard fov.isFinite, fov > 0, fov < 180 else { throw ValidationError("--fov \(fov): expected degrees strictly between 0 and 180") }
    }

    func run() throws {
        let path = try PoseTrace.read(from: URL(fileURLWithPath: trace), fps: fps, horizontalFieldOfViewDegrees: fov)
        if let bounds = try rig.map(loadRig(at:))?.bounds { try path.validate(source: trace, bounds: bounds) }
        try writePath(path, to: output)
    }
}

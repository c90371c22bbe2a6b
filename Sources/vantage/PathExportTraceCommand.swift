import ArgumentParser
import Foundation
import VantageGeometry

struct PathExportTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-trace",
        abstract: "Write a camera path as an MPEG pose trace (CSV: X,Y,Z,Yaw,Pitch,Roll per frame) for the MPEG reference tools.",
        discussion: "One line per frame n at n/--fps seconds, n = 0 … ⌊duration·fps⌋; angles are MPEG OMAF yaw, pitch, roll in degrees.")

    @Argument(help: "The camera path JSON.")
    var path: String

    @Option(help: "Frames per second to sample the path at.")
    var fps: Double = 30

    @Option(name: .shortAndLong, help: "Where to write the CSV (default: standard output).")
    var output: String?

    func validate() throws {
        guard fps.isFinite, fps > 0 else { throw ValidationError("--fps \(fps): expected a positive frame rate") }
    }

    func run() throws {
        let samples = PathSampler(try CameraPath.load(from: URL(fileURLWithPath: path))).frames(fps: fps)
        guard let output else { print(PoseTrace.encode(samples), terminator: ""); return }
        try PoseTrace.write(samples, to: URL(fileURLWithPath: output))
        print("wrote \(output): \(samples.count) poses at \(fixed(fps, 3)) fps")
    }
}

import ArgumentParser
import Foundation
import VantageGeometry

struct RigExportCommand: ParsableCommand {
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case vantage, mpeg
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a rig in another format: Vantage JSON or MPEG immersive-video camera JSON.")

    @OptionGroup var input: RigArgument

    @Option(help: "vantage or mpeg.")
    var format: ExportFormat

    @Flag(help: "For MPEG: export cameras with lens distortion as ideal pinholes (warns how far the image corners move).")
    var dropDistortion = false

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    func run() throws {
        var rig = try input.load()
        if format == .mpeg { rig = try pinholeRig(rig) }
        let text: String
        switch format {
        case .vantage: text = RigFile.encode(rig)
        case .mpeg: text = try MPEGCameraJSON.encode(rig)
        }
        guard let output else { print(text, terminator: ""); return }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw InputError(output, "cannot write (\(error.localizedDescription))")
        }
    }

    /// The rig with distortion removed when the user asked for it; otherwise an error naming the
    /// first distorted camera and how far its corners would move.
    private func pinholeRig(_ rig: Rig) throws -> Rig {
        var pinhole = rig
        for index in rig.cameras.indices where !rig.cameras[index].camera.distortion.isNone {
            let camera = rig.cameras[index].camera
            let shift = fixed(cornerShiftPixels(camera), 1)
            guard dropDistortion else {
                throw InputError(input.rig, at: "camera \(camera.name)",
                                 "MPEG camera JSON has no lens distortion (dropping it moves the image corners by up to \(shift) px); pass --drop-distortion to export anyway")
            }
            printError("warning: \(camera.name): lens distortion dropped; image corners move by up to \(shift) px")
            pinhole.cameras[index].camera.distortion = .none
        }
        return pinhole
    }

    /// Largest distance, over the four image corners, between where the lens puts a corner ray and
    /// where an ideal pinhole with the same intrinsics would.
    private func cornerShiftPixels(_ camera: Camera) -> Double {
        var pinhole = camera
        pinhole.distortion = .none
        let corners = [Vector2(0, 0), Vector2(Double(camera.size.width - 1), 0), Vector2(0, Double(camera.size.height - 1)),
                       Vector2(Double(camera.size.width - 1), Double(camera.size.height - 1))]
        return corners.compactMap { corner in
            pinhole.normalized(ofPixel: corner).map { (camera.pixel(ofNormalized: $0) - corner).length }
        }.max() ?? 0
    }
}

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

    @Argument(help: "A rig file (vantage JSON, or any format `rig import` reads).")
    var rig: String

    @Option(help: "vantage or mpeg.")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    func run() throws {
        let imported = try RigImport.read(URL(fileURLWithPath: rig))
        imported.warnings.forEach { printError("warning: \($0)") }
        let text: String
        switch format {
        case .vantage: text = RigFile.encode(imported.rig)
        case .mpeg: text = try MPEGCameraJSON.encode(imported.rig)
        }
        guard let output else { print(text, terminator: ""); return }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw ValidationError("\(output): cannot write (\(error.localizedDescription))")
        }
    }
}

import ArgumentParser
import Foundation
import VantageGeometry

extension RigFormat: ExpressibleByArgument {}

struct RigImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert another tool's calibration (Qualisys, caliscope, NeRF, MPEG, COLMAP, OpenCV) to a Vantage rig file.",
        discussion: "The format is detected from the content; media each camera recorded is attached when the layout makes it unambiguous.")

    @Argument(help: "A calibration file or folder.")
    var input: String

    @Option(name: .shortAndLong, help: "Where to write the rig JSON.")
    var output: String

    @Option(help: "Force a format: \(RigFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: RigFormat?

    @Option(help: "Name for the rig (default: the importer's choice).")
    var name: String?

    func run() throws {
        let inputURL = URL(fileURLWithPath: input)
        var imported = try RigImport.read(inputURL, format: format)
        imported.warnings.forEach { printError("warning: \($0)") }
        if let name { imported.rig.name = name }
        let outputURL = URL(fileURLWithPath: output)
        // Importers give absolute paths; a Vantage rig's own are relative to its folder.
        let inputFolder = inputURL.hasDirectoryPath ? inputURL : inputURL.deletingLastPathComponent()
        let rig = imported.rig.withAbsoluteMediaPaths(rigDirectory: inputFolder)
            .withMediaPaths(relativeTo: outputURL.deletingLastPathComponent())
        try RigFile.write(rig, to: outputURL)
        let withMedia = rig.cameras.filter { $0.media != nil }.count
        print("wrote \(output): \(rig.cameras.count) cameras, \(withMedia) with media")
    }
}

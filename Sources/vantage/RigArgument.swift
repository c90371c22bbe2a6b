import ArgumentParser
import Foundation
import VantageGeometry

/// The rig a command works on: a Vantage rig file or any calibration `rig import` reads.
struct RigArgument: ParsableArguments {
    @Argument(help: "A rig file (vantage JSON, or any format `rig import` reads).")
    var rig: String

    var url: URL { URL(fileURLWithPath: rig) }

    /// Reads the rig, printing the reader's warnings to standard error.
    func load() throws -> Rig {
        let imported = try RigImport.read(url)
        imported.warnings.forEach { printError("warning: \($0)") }
        return imported.rig
    }
}

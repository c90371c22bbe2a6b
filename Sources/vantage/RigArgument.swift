import ArgumentParser
import Foundation
import VantageGeometry

/// The rig a command works on: a Vantage rig file or any calibration `rig import` reads.
struct RigArgument: ParsableArguments {
    @Argument(help: "A rig file (vantage JSON, or any format `rig import` reads).")
    var rig: String

    var url: URL { URL(fileURLWithPath: rig) }

    func load() throws -> Rig { try loadRig(at: rig) }
}

/// Reads a rig file (any format `rig import` reads), printing the reader's warnings to standard error.
func loadRig(at path: String) throws -> Rig {
    let imported = try RigImport.read(URL(fileURLWithPath: path))
    imported.warnings.forEach { printError("warning: \($0)") }
    return imported.rig
}

import ArgumentParser

struct RigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rig",
        abstract: "Import, inspect and export camera rig calibrations.",
        subcommands: [RigImportCommand.self, RigShowCommand.self, RigExportCommand.self])
}

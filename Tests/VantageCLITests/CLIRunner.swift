import Foundation

/// Runs the built `vantage` executable (it sits beside the test bundle in the build folder).
struct CLIRun {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` beside the package root: real captures that a fresh clone lacks.
    static let sharedData = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let hasSharedData = FileManager.default.fileExists(atPath: sharedData.path)

    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux argv[0] is the .xctest binary inside the build folder; elsewhere a bundle within it.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("vantage").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("vantage")
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> CLIRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRun(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

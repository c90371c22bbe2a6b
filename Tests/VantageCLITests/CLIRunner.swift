import Foundation
import VantageTestSupport

/// Runs the built `vantage` executable (it sits beside the test bundle in the build folder).
struct CLIRun {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data` beside the package root: real captures that a fresh clone lacks.
    static var sharedData: URL { SharedData.folder }
    static var hasSharedData: Bool { SharedData.isAvailable }

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

/// A `vantage` process running in the background (a recorder, an ingest node), with its output
/// collected in files so a long run cannot fill a pipe.
final class BackgroundCLI {
    let process = Process()
    private let outputFile: URL
    private let errorFile: URL

    init(_ arguments: [String], in directory: URL = CLI.packageRoot) throws {
        let folder = try CLI.temporaryFolder()
        outputFile = folder.appendingPathComponent("stdout")
        errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to exit (killing it after `seconds`) and returns what it printed.
    func finish(within seconds: Double = 120) -> CLIRun {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { signal(SIGKILL) }
        process.waitUntilExit()
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return CLIRun(status: process.terminationStatus, standardOutput: output, standardError: error)
    }

    /// Standard output and standard error so far.
    var outputSoFar: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    var errorSoFar: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
}

extension CLI {
    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() -> Int {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A test's own failure with a message.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

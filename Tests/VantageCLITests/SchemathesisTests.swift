import Foundation
import Testing

/// schemathesis in the virtual environment `.ci/setup-test-tools` makes, when installed.
private let schemathesisPath: String? = {
    let path = CLI.packageRoot.appendingPathComponent(".tools/schemathesis-venv/bin/schemathesis").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

/// The HTTP API against its OpenAPI document: Tests/API/schemathesis.sh serves a small recorded
/// stadium with the built `vantage` and lets schemathesis generate requests from /openapi.yaml,
/// checking that none gets a 5xx and that every answer's status, content type, headers and body
/// are the documented ones.
@Suite(.enabled(if: schemathesisPath != nil, "needs schemathesis in .tools/schemathesis-venv: run bash .ci/setup-test-tools (.ci/run does)"))
struct SchemathesisTests {
    @Test func everyAnswerIsDocumentedAndNoneIsAServerError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [CLI.packageRoot.appendingPathComponent("Tests/API/schemathesis.sh").path, CLI.executable.path]
        process.currentDirectoryURL = CLI.packageRoot
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Output in a file, not a pipe: schemathesis' report can be long.
        let log = folder.appendingPathComponent("schemathesis.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "Tests/API/schemathesis.sh failed:\n\(output)")
        if process.terminationStatus == 0 {
            print(output.split(separator: "\n").suffix(12).joined(separator: "\n"))
        }
    }
}

import Testing

struct HelpAndVersionTests {
    @Test func helpListsEverySubcommandWithOneLine() throws {
        let run = try CLI.run(["--help"])
        #expect(run.status == 0)
        for subcommand in ["rig", "media", "version"] {
            let lines = run.standardOutput.split(separator: "\n").map { $0.drop(while: { $0 == " " }) }
            let line = lines.first { $0.hasPrefix(subcommand + " ") }
            let description = line.map { $0.dropFirst(subcommand.count).drop(while: { $0 == " " }) } ?? ""
            #expect(!description.isEmpty, "no one-line description for \(subcommand) in:\n\(run.standardOutput)")
        }
    }

    @Test func versionNamesTheLinkedLibraries() throws {
        let run = try CLI.run(["version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("libavcodec 59."))
        #expect(run.standardOutput.contains("libzmq 4."))
        #expect(run.standardOutput.contains("OpenBLAS"))
    }

    @Test func unknownSubcommandFails() throws {
        let run = try CLI.run(["teleport"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("teleport"))
    }
}

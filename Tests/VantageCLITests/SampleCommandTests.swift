import Foundation
import Testing

struct SampleCommandTests {
    @Test func absurdArgumentsFailWithOneLineBeforeWork() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("stadium").path
        for (arguments, fragment) in [(["--cameras", "0"], "--cameras"), (["--size", "0x0"], "--size"),
                                      (["--seconds=-2"], "--seconds"), (["--fps", "0"], "--fps")] {
            let run = try CLI.run(["sample", "stadium", "--output", output] + arguments)
            #expect(run.status != 0)
            let lines = run.standardError.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(fragment), "\(arguments): \(run.standardError)")
        }
        let unwritable = try CLI.run(["sample", "stadium", "--output", "/nonexistent-\(UUID())/stadium"])
        #expect(unwritable.status != 0 && unwritable.standardError.contains("does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing was written")
    }
}

import Foundation
import Testing

struct MediaCommandTests {
    /// One error line on standard error that names `path`, and a failing exit status.
    func expectOneLineError(_ run: CLIRun, naming path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status != 0, sourceLocation: sourceLocation)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(path), "\(run.standardError)", sourceLocation: sourceLocation)
    }

    @Test func garbageAndMissingVideosGiveOneLineErrors() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("garbage.mp4")
        var generator = SystemRandomNumberGenerator()
        try Data((0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: garbage)
        expectOneLineError(try CLI.run(["media", "probe", garbage.path]), naming: garbage.path)
        let missing = folder.appendingPathComponent("missing.mp4").path
        expectOneLineError(try CLI.run(["media", "probe", missing]), naming: missing)
        let output = folder.appendingPathComponent("frame.png")
        expectOneLineError(try CLI.run(["media", "frame", garbage.path, "--time", "0", "--output", output.path]), naming: garbage.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["garbage.mp4"], "no partial output")
    }

    @Test(.enabled(if: CLI.hasSharedData, "../shared/data not found: real-data CLI test skipped"))
    func probeReportsARealVideoAsJSON() throws {
        let video = CLI.sharedData.appendingPathComponent("pose2sim-single/videos/cam02.mp4").path
        let run = try CLI.run(["media", "probe", video, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let info = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(info["codecName"] as? String == "vp9")
        #expect(info["width"] as? Int == 1080 && info["height"] as? Int == 1920)
        #expect(info["frameCount"] as? Int == 100)
    }

    @Test(.enabled(if: CLI.hasSharedData, "../shared/data not found: real-data CLI test skipped"))
    func frameToAnUnwritablePlaceLeavesNothing() throws {
        let video = CLI.sharedData.appendingPathComponent("pose2sim-single/videos/cam01.mp4").path
        let output = "/nonexistent-\(UUID())/frame.png"
        expectOneLineError(try CLI.run(["media", "frame", video, "--time", "0.2", "--output", output]), naming: output)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

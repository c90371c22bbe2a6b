import Foundation
import Testing
import VantageMedia

/// `vantage render-path` as a user runs it: a generated stadium, a preset path, an MP4.
@Suite(.serialized) struct RenderPathCommandTests {
    /// A tiny stadium sample and a 0.4 s orbit path in `folder`; returns the rig and the path.
    private func sampleAndPath(in folder: URL) throws -> (rig: String, path: String) {
        let sample = folder.appendingPathComponent("stadium").path
        let made = try CLI.run(["sample", "stadium", "--output", sample, "--cameras", "4", "--truth", "0", "--seconds", "1",
                                "--fps", "5", "--size", "320x180", "--depth", "none"])
        try #require(made.status == 0, "\(made.standardError)")
        let path = folder.appendingPathComponent("orbit.json").path
        let orbit = try CLI.run(["path", "orbit", "--center", "0,0,0", "--radius", "40", "--height", "15", "--degrees", "45",
                                 "--seconds", "0.4", "--output", path])
        try #require(orbit.status == 0, "\(orbit.standardError)")
        return ("\(sample)/rig.json", path)
    }

    @Test func aPathBecomesAnMP4WithJSONProgressAndSummary() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rig, path) = try sampleAndPath(in: folder)
        let output = folder.appendingPathComponent("clip.mp4").path
        let run = try CLI.run(["render-path", "--rig", rig, "--path", path, "--size", "160x90", "--fps", "10", "--preset", "veryfast",
                               "--output", output, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(summary["frames"] as? Int == 5 && summary["framesPerSecond"] as? Int == 10)
        let progress = run.standardError.split(separator: "\n").filter { $0.hasPrefix("{\"task\": \"render-path\"") }
        #expect(progress.last?.contains("\"done\": 5, \"total\": 5") == true, "\(run.standardError)")
        let reader = try MediaReader(output)
        #expect(reader.info.width == 160 && reader.info.height == 90 && reader.info.frameRate == MediaRational(10, 1))
        var frames = 0
        while try reader.nextFrame() != nil { frames += 1 }
        #expect(frames == 5)
    }

    @Test func badInputIsOneErrorLineBeforeAnyWorkAndNoFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rig, path) = try sampleAndPath(in: folder)
        let onePoint = folder.appendingPathComponent("one.json").path
        try PathCommandTests.pathFile([PathCommandTests.keyframe(0)]).write(toFile: onePoint, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("clip.mp4").path
        let cases: [([String], String)] = [
            (["--path", onePoint, "--output", output], "keyframes: expected at least 2 keyframes"),
            (["--path", path, "--output", folder.appendingPathComponent("missing/clip.mp4").path], "missing"),
            (["--path", path, "--output", folder.appendingPathComponent("clip.gif").path], "extension"),
            (["--path", path, "--output", output, "--size", "161x90"], "161x90"),
            (["--path", path, "--output", output, "--fps", "0"], "frame rate"),
            (["--path", path, "--output", output, "--bitrate", "lots"], "--bitrate"),
            (["--path", path, "--output", output, "--preset", "warp"], "preset"),
        ]
        for (arguments, mention) in cases {
            let run = try CLI.run(["render-path", "--rig", rig] + arguments)
            let errors = PathCommandTests.errorLines(run)
            #expect(run.status != 0 && errors.count == 1 && errors[0].contains(mention), "\(arguments): \(run.standardError)")
            #expect(!run.standardError.contains("\"task\""), "\(arguments): rendering started")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("clip") }
        #expect(left.isEmpty, "files left: \(left)")
    }
}

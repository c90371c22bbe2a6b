import Foundation
import Testing

/// `vantage render` on a tiny generated stadium: a held-out view, a look-at pose file, and the
/// one-line refusals of bad requests.
@Suite(.serialized) struct RenderCommandTests {
    /// One small sample for the suite: 6 cameras, 2 truth cameras, 0.2 s at 320×180.
    static let sample: URL? = {
        guard let folder = try? CLI.temporaryFolder() else { return nil }
        let sample = folder.appendingPathComponent("stadium")
        let generated = try? CLI.run(["sample", "stadium", "--output", sample.path, "--cameras", "6", "--truth", "2",
                                      "--seconds", "0.2", "--size", "320x180", "--depth", "none"])
        return generated?.status == 0 ? sample : nil
    }()

    func rig() throws -> String { try #require(Self.sample).appendingPathComponent("rig.json").path }

    @Test func heldOutViewIsRenderedAtItsSizeWithASummary() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString).png")
        let confidence = output.deletingPathExtension().appendingPathExtension("confidence.png")
        defer { try? FileManager.default.removeItem(at: output); try? FileManager.default.removeItem(at: confidence) }
        let run = try CLI.run(["render", "--rig", try rig(), "--view", "cam02", "--exclude", "cam02", "--frame", "3",
                               "--output", output.path, "--confidence", confidence.path, "--json"])
        try #require(run.status == 0, "\(run.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(summary["width"] as? Int == 320 && summary["height"] as? Int == 180)
        let sources = try #require(summary["sources"] as? [String])
        #expect(!sources.isEmpty && !sources.contains("cam02"))
        #expect(summary["captureMicroseconds"] as? Int == 120_000)
        #expect(FileManager.default.fileExists(atPath: output.path) && FileManager.default.fileExists(atPath: confidence.path))
        let probe = try CLI.run(["media", "probe", output.path, "--json"])
        #expect(probe.standardOutput.contains("\"width\" : 320"))
    }

    @Test func lookAtPoseWithOutputSize() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pose = folder.appendingPathComponent("seat.json")
        try Data(#"{"position": [0, -70, 25], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 50, "size": [640, 360]}"#.utf8)
            .write(to: pose)
        let output = folder.appendingPathComponent("seat.png")
        let run = try CLI.run(["render", "--rig", try rig(), "--pose", pose.path, "--size", "160x90", "--output", output.path])
        try #require(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("160x90"))
        #expect(FileManager.default.fileExists(atPath: output.path))
    }

    @Test(arguments: [
        (["--view", "cam09"], "cam09"),
        (["--view", "cam01", "--pose", "x.json"], "exactly one"),
        (["--view", "cam01", "--size", "0x90"], "size"),
        (["--view", "cam01", "--size", "9000x90"], "9000"),
        (["--view", "cam01", "--time", "99"], "outside the replay"),
        (["--view", "cam01", "--frame", "1", "--time", "0"], "not both"),
        (["--view", "cam01", "--exclude", "nope"], "nope"),
        (["--pose", "/nonexistent/pose.json"], "/nonexistent/pose.json"),
    ])
    func badRequestsAreRefusedInOneLine(_ arguments: [String], _ mention: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("render-bad-\(UUID().uuidString).png")
        let run = try CLI.run(["render", "--rig", try rig(), "--output", output.path] + arguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains(mention), "\(run.standardError)")
        let errorLines = run.standardError.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errorLines.count == 1, "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

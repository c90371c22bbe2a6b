import Foundation
import Testing

struct RigCommandTests {
    static let exampleRig = "Calibration/example-stadium.json"

    @Test func showPrintsATableWithRigChecks() throws {
        let run = try CLI.run(["rig", "show", Self.exampleRig])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Rig \"example-stadium\": 8 cameras") == true)
        #expect(lines.filter { $0.hasPrefix("cam0") }.count == 16, "8 cameras in each of the two tables")
        #expect(run.standardOutput.contains("Optical axes converge at"))
        #expect(!run.standardOutput.contains("NO"), "every camera of the example sees the convergence point")
    }

    @Test func showJSONIsMachineReadable() throws {
        let run = try CLI.run(["rig", "show", Self.exampleRig, "--json"])
        #expect(run.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let cameras = try #require(root["cameras"] as? [[String: Any]])
        #expect(cameras.count == 8)
        #expect(cameras.allSatisfy { $0["seesConvergencePoint"] as? Bool == true })
        let convergence = try #require(root["convergence"] as? [String: Any])
        let point = try #require(convergence["pointInWorld"] as? [Double])
        #expect(abs(point[2]) < 5, "the example's cameras aim at the pitch")
    }

    @Test func missingRigGivesOneLineNamingTheFile() throws {
        let run = try CLI.run(["rig", "show", "/nonexistent/rig.json"])
        #expect(run.status != 0)
        let errorLines = run.standardError.split(separator: "\n")
        #expect(errorLines.count == 1 && errorLines[0].contains("/nonexistent/rig.json"), "\(run.standardError)")
    }

    @Test func importOfAnUnknownFormatLeavesNoOutput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("notes.txt")
        try Data("these are not camera parameters\n".utf8).write(to: input)
        let output = folder.appendingPathComponent("rig.json")
        let run = try CLI.run(["rig", "import", input.path, "--output", output.path])
        #expect(run.status != 0)
        #expect(run.standardError.contains(input.path), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func exportToMPEGAndBackKeepsTheCameras() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // MPEG camera JSON has no lens distortion: export an undistorted copy of the example.
        let undistorted = folder.appendingPathComponent("undistorted.json")
        let original = try String(contentsOfFile: CLI.packageRoot.appendingPathComponent(Self.exampleRig).path, encoding: .utf8)
        try original.replacingOccurrences(of: "\"k1\": -0.02", with: "\"k1\": 0")
            .replacingOccurrences(of: "\"k2\": 0.004", with: "\"k2\": 0").write(to: undistorted, atomically: true, encoding: .utf8)
        let mpeg = folder.appendingPathComponent("cameras.json")
        let export = try CLI.run(["rig", "export", undistorted.path, "--format", "mpeg", "--output", mpeg.path])
        #expect(export.status == 0, "\(export.standardError)")
        let original8 = try CLI.run(["rig", "show", undistorted.path, "--json"])
        let roundTrip = try CLI.run(["rig", "show", mpeg.path, "--json"])
        #expect(roundTrip.status == 0, "\(roundTrip.standardError)")
        func centres(_ run: CLIRun) throws -> [[Double]] {
            let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
            return try #require((root["cameras"] as? [[String: Any]])?.compactMap { $0["centerInWorld"] as? [Double] })
        }
        let before = try centres(original8), after = try centres(roundTrip)
        #expect(before.count == 8 && after.count == 8)
        for (a, b) in zip(before, after) {
            #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 }, "\(a) vs \(b)")
        }
    }

    @Test func mpegExportOfADistortedRigNeedsConsent() throws {
        let refused = try CLI.run(["rig", "export", Self.exampleRig, "--format", "mpeg"])
        #expect(refused.status != 0 && refused.standardOutput.isEmpty)
        #expect(refused.standardError.contains("camera cam01") && refused.standardError.contains("--drop-distortion"))
        let dropped = try CLI.run(["rig", "export", Self.exampleRig, "--format", "mpeg", "--drop-distortion"])
        #expect(dropped.status == 0)
        #expect(dropped.standardError.split(separator: "\n").count == 8, "one warning per camera: \(dropped.standardError)")
        #expect(dropped.standardOutput.contains("\"Principle_point\""))
    }

    @Test(.enabled(if: CLI.hasSharedData, "../shared/data not found: real-data CLI test skipped"))
    func importPose2SimWritesARigWhoseMediaResolves() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("pose2sim.json")
        let qca = CLI.sharedData.appendingPathComponent("pose2sim-single/calibration/Calib.qca.txt")
        let run = try CLI.run(["rig", "import", qca.path, "--output", output.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("4 cameras, 4 with media"))
        let rigText = try String(contentsOf: output, encoding: .utf8)
        #expect(rigText.contains("\"location\": \"../"), "media paths are relative to the rig file")
        let show = try CLI.run(["rig", "show", output.path])
        #expect(show.status == 0)
        #expect(!show.standardOutput.contains("(missing)"), "\(show.standardOutput)")
        // pose2sim's calibration says 1088 px wide for all four cameras; two videos are 1080 px wide.
        #expect(show.standardOutput.contains("check: cam01: media is 1080×1920 but the calibration is 1088×1920"))
        #expect(!show.standardOutput.contains("check: cam03"))
    }
}

import Foundation
import Testing

struct EvalCommandTests {
    /// A tiny stadium sample (4 source cameras, 2 frames of 320×180) in `folder`/stadium.
    static func makeSample(in folder: URL) throws -> URL {
        let sample = folder.appendingPathComponent("stadium")
        let run = try CLI.run(["sample", "stadium", "--output", sample.path, "--cameras", "4", "--truth", "1",
                               "--seconds", "0.2", "--fps", "10", "--size", "320x180", "--depth", "none"])
        #expect(run.status == 0, "\(run.standardError)")
        return sample.appendingPathComponent("rig.json")
    }

    func expectOneLineError(_ run: CLIRun, containing fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status != 0, sourceLocation: sourceLocation)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 1 && fragments.allSatisfy(run.standardError.contains), "\(run.standardError)", sourceLocation: sourceLocation)
    }

    @Test func heldOutCameraGivesAJSONReportTableAndContactSheets() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rig = try Self.makeSample(in: folder)
        let report = folder.appendingPathComponent("report")
        let run = try CLI.run(["eval", "--rig", rig.path, "--holdout", "cam02", "--frames", "0-1", "--report", report.path, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("report.json"))) as? [String: Any])
        #expect(NSDictionary(dictionary: printed).isEqual(to: written), "stdout and report.json agree")
        #expect(printed["models"] as? [String] == ["vantage", "nearest", "blend"] && printed["heldOut"] as? [String] == ["cam02"])
        let rows = try #require(printed["rows"] as? [[String: Any]])
        #expect(rows.count == 6 && rows.allSatisfy { ($0["psnr"] as? Double ?? 0) > 10 && $0["ssim"] is Double && $0["error"] == nil })
        for frame in 0...1 {
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("contact-cam02-f\(frame).png").path))
        }

        let table = try CLI.run(["eval", "--rig", rig.path, "--holdout", "cam02", "--report", report.path, "--models", "blend"])
        #expect(table.status == 0, "\(table.standardError)")
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines.count == 4 && lines[0].hasPrefix("camera") && lines[2].hasPrefix("cam02") && lines[3].hasPrefix("mean"), "\(table.standardOutput)")
    }

    @Test func badSelectionsFailWithOneLineNamingTheProblem() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rig = try Self.makeSample(in: folder).path
        let report = folder.appendingPathComponent("report").path
        expectOneLineError(try CLI.run(["eval", "--rig", rig, "--holdout", "cam09", "--report", report]),
                           containing: ["cam09", "cam01, cam02, cam03, cam04"])
        expectOneLineError(try CLI.run(["eval", "--rig", rig, "--holdout", "every:0", "--report", report]), containing: ["every:0"])
        expectOneLineError(try CLI.run(["eval", "--rig", rig, "--holdout", "cam01", "--frames", "7", "--report", report]),
                           containing: ["frame 7"])
        expectOneLineError(try CLI.run(["eval", "--rig", rig, "--holdout", "cam01", "--models", "nearest,magic", "--report", report]),
                           containing: ["magic", "nearest, blend"])
        #expect(!FileManager.default.fileExists(atPath: report), "nothing written before the work starts")
    }
}

import Foundation
import Testing

/// `vantage path …` run as a user would, on the committed stadium rig and sample paths.
struct PathCommandTests {
    static let rig = "Calibration/stadium.json"

    /// A path file with the given keyframes (JSON objects).
    static func pathFile(_ keyframes: [String]) -> String {
        #"{"format": "vantage-camera-path", "version": 1, "name": "bad", "keyframes": ["# + keyframes.joined(separator: ", ") + "]}\n"
    }

    static func keyframe(_ time: Double, _ position: String = "[0, -30, 10]", fov: String = "50") -> String {
        #"{"time": \#(time), "position": \#(position), "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": \#(fov)}"#
    }

    /// The `Error:` lines of a failed run.
    static func errorLines(_ run: CLIRun) -> [String] {
        run.standardError.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Error:") }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func orbitWritesABulletTimePathThatShowSummarizes() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("orbit.json").path
        let made = try CLI.run(["path", "orbit", "--center", "0,0,0", "--radius", "40", "--height", "15", "--degrees", "180",
                                "--start-degrees", "-90", "--seconds", "6", "--replay-start", "2", "--replay-speed", "0",
                                "--rig", Self.rig, "--output", output])
        #expect(made.status == 0, "\(made.standardError)")
        #expect(made.standardOutput == "wrote \(output): 13 keyframes, 6.00 s\n")
        let show = try CLI.run(["path", "show", output, "--json"])
        #expect(show.status == 0, "\(show.standardError)")
        let summary = try Self.json(show.standardOutput)
        #expect(summary["keyframes"] as? Int == 13 && summary["durationSeconds"] as? Double == 6)
        #expect(summary["replayMinSeconds"] as? Double == 2 && summary["replayMaxSeconds"] as? Double == 2)
        let length = try #require(summary["lengthMetres"] as? Double), speed = try #require(summary["maxSpeedMetresPerSecond"] as? Double)
        #expect(abs(length - 40 * .pi) < 0.05, "half a circle of radius 40 m: \(length)")
        #expect(abs(speed - 40 * .pi / 6) < 0.05, "constant speed: \(speed)")
    }

    @Test func presetsWithoutOutputPrintThePathJSON() throws {
        let run = try CLI.run(["path", "seat", "--stand", "east", "--row", "12", "--seat", "80", "--seconds", "4"])
        #expect(run.status == 0, "\(run.standardError)")
        let path = try Self.json(run.standardOutput)
        #expect(path["format"] as? String == "vantage-camera-path" && path["name"] as? String == "seat east row 12 seat 80")
        let keyframes = try #require(path["keyframes"] as? [[String: Any]])
        #expect(keyframes.count == 2)
        let position = try #require(keyframes[0]["position"] as? [Double])
        let eye = [69.2, -0.25, 28 * 9.2 / 35 + 1.2]  // row 12: 9.2 m into the stand, 1.2 m above it
        #expect(position.count == 3 && zip(position, eye).allSatisfy { abs($0 - $1) < 1e-9 }, "\(position)")
    }

    @Test func flyGoesThroughTheRigCameras() throws {
        let run = try CLI.run(["path", "fly", "--rig", Self.rig, "--through", "cam01,cam02,cam03", "--seconds", "5"])
        #expect(run.status == 0, "\(run.standardError)")
        let keyframes = try #require(try Self.json(run.standardOutput)["keyframes"] as? [[String: Any]])
        #expect(keyframes.count == 3 && keyframes.allSatisfy { $0["camFromWorldQuaternion"] != nil })
    }

    @Test func showPrintsASummaryAndAKeyframeTable() throws {
        let run = try CLI.run(["path", "show", "Samples/paths/seat-east-row12.json", "--rig", Self.rig])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "Path \"seat east row 12 seat 80\": 4 keyframes, 4.000 s, 0.00 m, max speed 0.00 m/s")
        #expect(lines.dropFirst().first == "replay: 1.000 s → 5.000 s; orientation squad; field of view 50.0°–50.0°")
        #expect(lines.count == 4 + 4, "two summary lines, a header, a rule and four keyframes")
    }

    @Test(arguments: ["orbit-bullet-time.json", "seat-east-row12.json", "fly-cam01-cam04.json"])
    func samplePathsLoadInsideTheStadium(_ name: String) throws {
        let run = try CLI.run(["path", "show", "Samples/paths/\(name)", "--rig", Self.rig])
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test func traceExportThenImportKeepsThePoses() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("fly.csv").path, back = folder.appendingPathComponent("back.json").path
        let export = try CLI.run(["path", "export-trace", "Samples/paths/fly-cam01-cam04.json", "--fps", "10", "--output", trace])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(export.standardOutput == "wrote \(trace): 81 poses at 10.000 fps\n")
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(text.hasPrefix("X,Y,Z,Yaw,Pitch,Roll\n") && text.split(separator: "\n").count == 82)
        let imported = try CLI.run(["path", "import-trace", trace, "--fps", "10", "--fov", "45", "--rig", Self.rig, "--output", back])
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == "wrote \(back): 81 keyframes, 8.00 s\n")
        let again = try CLI.run(["path", "export-trace", back, "--fps", "10"])
        #expect(again.status == 0)
        let before = text.split(separator: "\n").dropFirst(), after = again.standardOutput.split(separator: "\n").dropFirst()
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) {
            let x = a.split(separator: ",").compactMap { Double($0) }, y = b.split(separator: ",").compactMap { Double($0) }
            #expect(x.count == 6 && zip(x, y).allSatisfy { abs($0 - $1) < 1e-9 }, "\(a) vs \(b)")
        }
    }

    /// Bad files are refused before any work, in one line naming the file, the keyframe and field,
    /// and what was expected.
    @Test(arguments: [
        ([keyframe(0)], false, "keyframes: expected at least 2 keyframes to move between, found 1"),
        ([keyframe(0), keyframe(2, "[5, -30, 10]"), keyframe(1, "[9, -30, 10]")], false,
         "keyframes[2].time: expected a time after keyframes[1].time (2.0 s): keyframes must be in time order, found 1.0"),
        ([keyframe(0), keyframe(1, "[1e999, -30, 10]")], false, "keyframes[1].position[0]: expected a finite number"),
        ([keyframe(0), keyframe(1, fov: "0")], false, "keyframes[1].horizontalFieldOfViewDegrees: expected degrees strictly between 0 and 180, found 0.0"),
        ([keyframe(0), keyframe(1, fov: "180")], false, "keyframes[1].horizontalFieldOfViewDegrees: expected degrees strictly between 0 and 180, found 180.0"),
        ([keyframe(0), keyframe(1, "[100, -30, 10]")], true,
         "keyframes[1].position: expected a position inside the scene bounds (min [-95.0, -75.0, -1.0], max [95.0, 75.0, 34.0]), found [100.0, -30.0, 10.0]"),
    ])
    func badPathsGiveOneExactErrorLine(_ keyframes: [String], _ withRig: Bool, _ message: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.json")
        try Self.pathFile(keyframes).write(to: file, atomically: true, encoding: .utf8)
        let trace = folder.appendingPathComponent("bad.csv")
        // Bounds need the rig, which only `show` takes; the other checks hold for every command.
        let commands = withRig ? [["path", "show", file.path, "--rig", Self.rig]]
            : [["path", "show", file.path], ["path", "export-trace", file.path, "--output", trace.path]]
        for arguments in commands {
            let run = try CLI.run(arguments)
            #expect(run.status != 0)
            #expect(Self.errorLines(run) == ["Error: \(file.path): \(message)"], "\(run.standardError)")
            #expect(run.standardOutput.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: trace.path), "nothing written")
    }

    @Test(arguments: [
        (["path", "orbit", "--center", "0,0", "--radius", "40", "--height", "15", "--degrees", "90", "--seconds", "4"],
         "Error: --center 0,0: expected x,y,z in metres, e.g. 0,0,0"),
        (["path", "orbit", "--center", "0,0,0", "--radius", "-40", "--height", "15", "--degrees", "90", "--seconds", "4"],
         "Error: orbit: radius: expected a positive number of metres, found -40.0"),
        (["path", "seat", "--stand", "east", "--row", "50", "--seat", "1", "--seconds", "4"],
         "Error: seat: row: expected a row from 1 to 43 in the east stand, found 50"),
        (["path", "fly", "--through", "cam01,cam02", "--seconds", "4"],
         "Error: --rig <file> is required: fly goes through that rig's cameras"),
        (["path", "fly", "--rig", rig, "--through", "cam01,cam99", "--seconds", "4"],
         "Error: \(rig): --through: no camera 'cam99' in the rig (cameras: cam01, cam02, cam03, cam04, cam05, cam06, cam07, cam08)"),
        (["path", "orbit", "--center", "90,0,0", "--radius", "20", "--height", "15", "--degrees", "90", "--seconds", "4", "--rig", rig],
         "Error: path \"orbit 90° r 20.0 m\": keyframes[0].position: expected a position inside the scene bounds (min [-95.0, -75.0, -1.0], max [95.0, 75.0, 34.0]), found [110.0, 0.0, 15.0]"),
        (["path", "import-trace", "/nonexistent/trace.csv"], "Error: /nonexistent/trace.csv: no such file"),
    ])
    func badPresetArgumentsGiveOneExactErrorLine(_ arguments: [String], _ line: String) throws {
        let run = try CLI.run(arguments)
        #expect(run.status != 0)
        #expect(Self.errorLines(run) == [line], "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func badTraceNamesTheLineAndColumn() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("t.csv")
        try "X,Y,Z,Yaw,Pitch,Roll\n0,0,10,0,0,0\n1,0,10,nan,0,0\n".write(to: trace, atomically: true, encoding: .utf8)
        let run = try CLI.run(["path", "import-trace", trace.path])
        #expect(Self.errorLines(run) == ["Error: \(trace.path): line 3, Yaw: expected a finite number, found \"nan\""])
    }

    @Test func helpDescribesEverySubcommand() throws {
        let run = try CLI.run(["path", "--help"])
        #expect(run.status == 0)
        for name in ["orbit", "seat", "fly", "show", "import-trace", "export-trace"] {
            #expect(run.standardOutput.contains("  \(name) "), "\(name) in \(run.standardOutput)")
        }
        let orbit = try CLI.run(["path", "orbit", "--help"])
        #expect(orbit.standardOutput.contains("bullet time") && orbit.standardOutput.contains("--replay-speed"))
        let seat = try CLI.run(["path", "seat", "--help"])
        #expect(seat.standardOutput.contains("0.8 m") && seat.standardOutput.contains("east is +x"))
    }
}

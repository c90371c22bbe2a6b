import Foundation
import Testing
@testable import VantageGeometry

struct RigFileTests {
    static func sampleRig() -> Rig {
        let size = ImageSize(width: 1920, height: 1080)
        var tele = Camera.lookingAt([0, 0, 0], from: [-30, -40, 12], name: "east-tele", size: size,
                                    intrinsics: Intrinsics(fx: 2400, fy: 2401, cx: 961.2, cy: 538.9, skew: 0.1))
        tele.distortion = Distortion(k1: -0.05, k2: 0.01, p1: 0.0002, p2: -0.0001, k3: 0)
        let wide = Camera.lookingAt([0, 0, 0], from: [30, -40, 15], name: "west-wide", size: size,
                                    intrinsics: Intrinsics(horizontalFieldOfView: 1.2, size: size))
        return Rig(name: "test rig", world: WorldFrame(units: .metres, up: "+z", note: "pitch centre"),
                   bounds: .depthRange(near: 1, far: 150),
                   cameras: [RigCamera(tele, media: MediaReference(location: "videos/east.mp4", offsetMicroseconds: -1500)),
                             RigCamera(wide, media: MediaReference(location: "rtsp://10.0.0.5/stream",
                                                                   timestamps: TimestampFile(path: "t.csv", format: .caliscope, cameraID: "1")))])
    }

    @Test func encodeThenDecodeGivesTheSameRig() throws {
        let rig = Self.sampleRig()
        let text = RigFile.encode(rig)
        let decoded = try RigFile.decode(Data(text.utf8), source: "mem.json")
        #expect(decoded == rig)
        #expect(RigFile.encode(decoded) == text, "encoding is stable")
        #expect(text.contains("\"camFromWorld\""))
    }

    @Test func boxBoundsRoundTrip() throws {
        var rig = Self.sampleRig()
        rig.bounds = .box(min: [-60, -40, -1], max: [60, 40, 20])
        #expect(try RigFile.decode(Data(RigFile.encode(rig).utf8), source: "m") == rig)
    }

    @Test func writeIsAtomicAndReadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigfile-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("rig.json")
        try RigFile.write(Self.sampleRig(), to: url)
        #expect(try RigFile.read(from: url) == Self.sampleRig())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rig.json"])
    }

    /// Decodes the sample rig after `edit` changes its JSON text, expecting an error mentioning every fragment.
    func expectError(_ fragments: [String], edit: (String) -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = edit(RigFile.encode(Self.sampleRig()))
        #expect(text != RigFile.encode(Self.sampleRig()), "the edit changed nothing", sourceLocation: sourceLocation)
        do {
            _ = try RigFile.decode(Data(text.utf8), source: "bad.json")
            Issue.record("expected an error", sourceLocation: sourceLocation)
        } catch let error as InputError {
            let message = error.description
            #expect(message.hasPrefix("bad.json: "), "\(message)", sourceLocation: sourceLocation)
            for fragment in fragments {
                #expect(message.contains(fragment), "\(message) lacks \(fragment)", sourceLocation: sourceLocation)
            }
            #expect(!message.contains("\n"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error type \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func missingFieldNamesItsPath() {
        expectError(["cameras[0].intrinsics.fx", "missing"]) { $0.replacingOccurrences(of: "\"fx\": 2400.0,", with: "") }
    }

    @Test func nonFiniteNumberIsRejected() {
        // JSON has no NaN literal; an overflowing literal is the way a non-finite number arrives.
        expectError(["cameras[0].intrinsics.fy", "finite"]) { $0.replacingOccurrences(of: "\"fy\": 2401.0", with: "\"fy\": 1e999") }
        expectError(["not valid JSON"]) { $0.replacingOccurrences(of: "\"fy\": 2401.0", with: "\"fy\": NaN") }
    }

    @Test func nonOrthonormalRotationIsRejected() throws {
        var rig = Self.sampleRig()
        rig.cameras[1].camera.camFromWorld.rotation = Rotation.aboutZ(0.3) * Matrix3.diagonal([1, 1.01, 1])
        let error = try #require(rig.problems.first)
        #expect(error.field == "cameras[1].camFromWorld.rotation" && error.message.contains("orthonormal"))
        #expect(throws: InputError.self) { try RigFile.decode(Data(RigFile.encode(rig).utf8), source: "x") }

        rig.cameras[1].camera.camFromWorld.rotation = Matrix3.diagonal([1, 1, -1])
        #expect(rig.problems.first?.message.contains("reflection") == true)
    }

    @Test func zeroOrNegativeFocalLengthIsRejected() {
        expectError(["cameras[0].intrinsics.fx", "positive focal length", "0.0"]) { $0.replacingOccurrences(of: "\"fx\": 2400.0", with: "\"fx\": 0") }
        expectError(["cameras[0].intrinsics.fy", "-5"]) { $0.replacingOccurrences(of: "\"fy\": 2401.0", with: "\"fy\": -5") }
    }

    @Test func wrongTypesFormatAndVersionAreNamed() {
        expectError(["cameras[1].name", "expected a string"]) { $0.replacingOccurrences(of: "\"west-wide\"", with: "42") }
        expectError(["format", "vantage rig import"]) { $0.replacingOccurrences(of: "\"vantage-rig\"", with: "\"colmap\"") }
        expectError(["version", "expected version 1, found 7"]) { $0.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7") }
        expectError(["cameras[1].name", "duplicate"]) { $0.replacingOccurrences(of: "\"west-wide\"", with: "\"east-tele\"") }
        expectError(["bounds", "near < far"]) { $0.replacingOccurrences(of: "\"far\": 150.0", with: "\"far\": 0.5") }
        expectError(["world.up"]) { $0.replacingOccurrences(of: "\"+z\"", with: "\"north\"") }
        expectError(["cameras[0].size", "width"]) { $0.replacingOccurrences(of: "[1920, 1080]", with: "[0, 1080]") }
    }

    @Test func unreadableFileIsNamed() {
        #expect {
            try RigFile.read(from: URL(fileURLWithPath: "/nonexistent/rig.json"))
        } throws: { error in
            (error as? InputError)?.description == "/nonexistent/rig.json: no such file"
        }
    }

    @Test func mediaPathsBecomeRelativeToTheRigFolder() {
        var rig = Self.sampleRig()
        rig.cameras[0].media = MediaReference(location: "/data/match/videos/east.mp4",
                                              timestamps: TimestampFile(path: "/data/match/t.csv", format: .caliscope, cameraID: "0"))
        let moved = rig.withMediaPaths(relativeTo: URL(fileURLWithPath: "/data/rigs"))
        #expect(moved.cameras[0].media?.location == "../match/videos/east.mp4")
        #expect(moved.cameras[0].media?.timestamps?.path == "../match/t.csv")
        #expect(moved.cameras[1].media?.location == "rtsp://10.0.0.5/stream", "URLs stay as they are")
        let resolved = moved.cameras[0].media!.resolvedLocation(rigDirectory: URL(fileURLWithPath: "/data/rigs"))
        #expect(resolved == "/data/match/videos/east.mp4")
    }
}

import Foundation
import Testing
@testable import VantageGeometry

@Suite struct PoseTracePathTests {
    @Test func exportThenImportGivesTheSamePoses() throws {
        let original = PathSampler(PathFixtures.curvy(constantSpeed: true))
        let frames = original.frames(fps: 25)
        let text = PoseTrace.encode(frames)
        #expect(text.hasPrefix("X,Y,Z,Yaw,Pitch,Roll\n"))
        #expect(text.split(separator: "\n").count == frames.count + 1)
        let imported = try PoseTrace.decode(text, source: "trace.csv", name: "trace", fps: 25, horizontalFieldOfViewDegrees: 50)
        #expect(imported.keyframes.count == frames.count)
        let again = PathSampler(imported).frames(fps: 25)
        #expect(again.count == frames.count)
        for (a, b) in zip(frames, again) {
            #expect(a.time == b.time)
            #expect((a.position - b.position).length < 1e-9)
            #expect(largestDifference(a.camera.camFromWorld.rotation, b.camera.camFromWorld.rotation) < 1e-9, "at \(a.time) s")
        }
    }

    /// A trace as the MPEG tools write it: CRLF line ends, header, fixed decimals, OMAF angles.
    @Test func importsTheMPEGLayout() throws {
        let text = "X,Y,Z,Yaw,Pitch,Roll\r\n" +
            "-40.000000,0.000000,10.000000,0.000000,0.000000,0.000000\r\n" +
            "-40.000000,0.500000,10.000000,90.000000,0.000000,0.000000\r\n" +
            "-40.000000,1.000000,10.000000,0.000000,30.000000,0.000000\r\n" +
            "-40.000000,1.500000,10.000000,0.000000,0.000000,10.000000\r\n"
        let path = try PoseTrace.decode(text, source: "A01.csv", name: "A01", fps: 30, horizontalFieldOfViewDegrees: 60)
        #expect(path.name == "A01" && path.keyframes.count == 4 && path.duration == 0.1)
        let cameras = PathSampler(path).frames(fps: 30).map(\.camera)
        #expect(cameras.count == 4)
        #expect((cameras[1].centerInWorld - [-40, 0.5, 10]).length < 1e-12)
        // OMAF: yaw 0 looks along +x, yaw 90° along +y, pitch 30° tilts the view down, roll turns image up.
        #expect((cameras[0].forwardInWorld - [1, 0, 0]).length < 1e-9 && (cameras[0].upInWorld - [0, 0, 1]).length < 1e-9)
        #expect((cameras[1].forwardInWorld - [0, 1, 0]).length < 1e-9)
        #expect((cameras[2].forwardInWorld - [cos(.pi / 6), 0, -sin(.pi / 6)]).length < 1e-9)
        #expect((cameras[3].forwardInWorld - [1, 0, 0]).length < 1e-9 && abs(cameras[3].upInWorld.y) > 0.17)
    }

    @Test(arguments: [
        ("x,y,z\n0,0,0\n", "t.csv: line 1: expected the header X,Y,Z,Yaw,Pitch,Roll"),
        ("X,Y,Z,Yaw,Pitch,Roll\n0,0,0,0,0,0\n1,0,0,0,0\n", "t.csv: line 3: expected 6 values (X,Y,Z,Yaw,Pitch,Roll), found 5"),
        ("X,Y,Z,Yaw,Pitch,Roll\n0,0,0,0,0,0\n1,0,0,0,nan,0\n", "t.csv: line 3, Pitch: expected a finite number, found \"nan\""),
        ("X,Y,Z,Yaw,Pitch,Roll\n0,0,0,0,0,0\n1,0,abc,0,0,0\n", "t.csv: line 3, Z: expected a finite number, found \"abc\""),
        ("X,Y,Z,Yaw,Pitch,Roll\n0,0,0,0,0,0\n", "t.csv: expected at least 2 poses after the header, found 1"),
    ])
    func badTracesAreRefusedNamingTheLine(_ text: String, _ message: String) throws {
        let error = try #require(inputError { try PoseTrace.decode(text, source: "t.csv", name: "t", fps: 30, horizontalFieldOfViewDegrees: 60) })
        #expect(error.description == message)
    }
}

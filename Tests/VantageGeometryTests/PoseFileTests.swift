import Foundation
import Testing
@testable import VantageGeometry

@Suite struct PoseFileTests {
    @Test func lookAtFormLooksAtItsTarget() throws {
        let json = #"{"position": [0, -60, 20], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 40, "size": [640, 360]}"#
        let camera = try PoseFile.decode(Data(json.utf8), source: "seat.json")
        let projection = try #require(camera.project([0, 0, 0]))
        #expect(abs(projection.pixel.x - 319.5) < 1e-6 && abs(projection.pixel.y - 179.5) < 1e-6)
        #expect(abs(camera.intrinsics.horizontalFieldOfView(width: 640) - 40 * .pi / 180) < 1e-9)
        #expect(camera.upInWorld.z > 0)
    }

    @Test func rigCameraFormKeepsItsFields() throws {
        let json = #"{"size": [320, 180], "intrinsics": {"fx": 300, "fy": 300, "cx": 159.5, "cy": 89.5},"# +
            #" "camFromWorld": {"rotation": [[1,0,0],[0,1,0],[0,0,1]], "translation": [0, 0, 5]}}"#
        let camera = try PoseFile.decode(Data(json.utf8), source: "pose.json")
        #expect(camera.name == "pose" && camera.size == ImageSize(width: 320, height: 180))
        #expect(camera.centerInWorld == [0, 0, -5])
    }

    @Test(arguments: [
        (#"{"position": [0, 0, 0], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 40, "size": [64, 36]}"#, "must differ"),
        (#"{"position": [0, 1, 0], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 0, "size": [64, 36]}"#, "horizontalFieldOfViewDegrees"),
        (#"{"position": [0, 1, 0], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 40, "size": [64]}"#, "size"),
        (#"{"position": [0, 1], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 40, "size": [64, 36]}"#, "position"),
        (#"{"size": [64, 36], "intrinsics": {"fx": 1}, "camFromWorld": {}}"#, "intrinsics.fy"),
        ("not json", "pose.json"),
    ])
    func malformedPosesNameTheField(_ json: String, _ mention: String) {
        do {
            _ = try PoseFile.decode(Data(json.utf8), source: "pose.json")
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)".contains(mention), "\(error)")
            #expect(!"\(error)".contains("\n"))
        }
    }
}

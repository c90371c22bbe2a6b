import Foundation
import Testing
@testable import VantageGeometry

/// A path file with the given keyframes (JSON objects) and extra top-level members.
private func pathFile(_ keyframes: [String], extra: String = "") -> Data {
    Data("""
        {"format": "vantage-camera-path", "version": 1, "name": "test", \(extra)
         "keyframes": [\(keyframes.joined(separator: ", "))]}
        """.utf8)
}

private func keyframeJSON(_ time: Double, _ position: String = "[0, -30, 10]", fov: String = "50") -> String {
    #"{"time": \#(time), "position": \#(position), "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": \#(fov)}"#
}

@Suite struct PathFileTests {
    static let box = SceneBounds.box(min: [-95, -75, -1], max: [95, 75, 34])

    @Test func writeThenLoadGivesTheSamePath() throws {
        let path = PathFixtures.curvy(constantSpeed: true, orientation: .slerp, timeMap: [TimeMapPoint(time: 0, replayTime: 1.25)])
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("curvy.json")
            try path.write(to: url)
            let loaded = try CameraPath.load(from: url, bounds: Self.box)
            #expect(loaded == path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(#""position": [0, -30, 10]"#), "vectors on one line: \(text)")
        }
    }

    @Test func minimalFileTakesTheDocumentedDefaults() throws {
        let path = try CameraPath.decode(pathFile([keyframeJSON(0), keyframeJSON(2, "[10, -30, 10]")]), source: "min.json")
        #expect(path.interpolation == PathInterpolation(orientation: .squad, constantSpeed: false))
        #expect(path.timeMap == nil && path.size == nil && path.duration == 2)
    }

    @Test(arguments: [
        // One keyframe.
        (pathFile([keyframeJSON(0)]), "min.json: keyframes: expected at least 2 keyframes to move between, found 1"),
        // Keyframes out of time order.
        (pathFile([keyframeJSON(0), keyframeJSON(2, "[1, -30, 10]"), keyframeJSON(1.5, "[2, -30, 10]")]),
         "min.json: keyframes[2].time: expected a time after keyframes[1].time (2.0 s): keyframes must be in time order, found 1.5"),
        (pathFile([keyframeJSON(0.5), keyframeJSON(2)]), "min.json: keyframes[0].time: expected 0 (a path starts at time 0), found 0.5"),
        // A number JSON cannot hold as a finite double (JSON has no NaN literal).
        (pathFile([keyframeJSON(0), keyframeJSON(1, "[1e999, -30, 10]")]), "min.json: keyframes[1].position[0]: expected a finite number"),
        // Field of view 0 and 180.
        (pathFile([keyframeJSON(0), keyframeJSON(1, fov: "0")]),
         "min.json: keyframes[1].horizontalFieldOfViewDegrees: expected degrees strictly between 0 and 180, found 0.0"),
        (pathFile([keyframeJSON(0, fov: "180"), keyframeJSON(1)]),
         "min.json: keyframes[0].horizontalFieldOfViewDegrees: expected degrees strictly between 0 and 180, found 180.0"),
        // Shape errors.
        (pathFile([keyframeJSON(0), keyframeJSON(1, "[1, 2]")]), "min.json: keyframes[1].position: expected 3 numbers [x, y, z], found 2"),
        (pathFile([#"{"time": 0, "position": [0, -30, 10], "horizontalFieldOfViewDegrees": 50}"#, keyframeJSON(1)]),
         "min.json: keyframes[0]: expected an orientation: lookAt [x, y, z] or camFromWorldQuaternion [w, x, y, z]"),
        (pathFile([#"{"time": 0, "position": [0, -30, 10], "lookAt": [0, 0, 0]}"#, keyframeJSON(1)]),
         "min.json: keyframes[0].horizontalFieldOfViewDegrees: missing; it is required"),
        (pathFile([#"{"time": 0, "position": [0, -30, 10], "camFromWorldQuaternion": [2, 0, 0, 0], "horizontalFieldOfViewDegrees": 50}"#, keyframeJSON(1)]),
         "min.json: keyframes[0].camFromWorldQuaternion: expected a unit quaternion [w, x, y, z] (norm within 1e-3 of 1), found [2.0, 0.0, 0.0, 0.0]"),
        (pathFile([#"{"time": 0, "position": [0, -30, 10], "camFromWorldQuaternion": [1, 0, 0, 0], "up": [0, 0, 1], "horizontalFieldOfViewDegrees": 50}"#, keyframeJSON(1)]),
         "min.json: keyframes[0].up: expected no up with camFromWorldQuaternion (up only orients lookAt)"),
        (pathFile([keyframeJSON(0), keyframeJSON(1)], extra: #""interpolation": {"orientation": "cubic"},"#),
         #"min.json: interpolation.orientation: expected one of slerp, squad, found "cubic""#),
        (pathFile([keyframeJSON(0), keyframeJSON(1, "[5, -30, 10]")], extra: #""timeMap": [{"time": 1, "replayTime": 0}, {"time": 1, "replayTime": 2}],"#),
         "min.json: timeMap[1].time: expected a time after timeMap[0].time (1.0 s), found 1.0"),
        (pathFile([keyframeJSON(0), keyframeJSON(1)], extra: #""interpolation": {"constantSpeed": true},"#),
         "min.json: keyframes[1].position: expected a different position from keyframes[0] with interpolation.constantSpeed (a segment without length takes no time)"),
        (Data(#"{"format": "vantage-rig", "version": 1}"#.utf8), #"min.json: format: expected "vantage-camera-path", found "vantage-rig""#),
        (Data("{\"format\": ".utf8), "min.json: not valid JSON"),
    ])
    func badFilesAreRefusedNamingTheFieldAndTheExpectation(_ data: Data, _ message: String) throws {
        let error = try #require(inputError { try CameraPath.decode(data, source: "min.json") })
        #expect(error.description.hasPrefix(message), "\(error)")
    }

    @Test func aKeyframeOutsideTheRigBoundsIsNamed() throws {
        let data = pathFile([keyframeJSON(0), keyframeJSON(1, "[20, -30, 10]"), keyframeJSON(2, "[120, -30, 10]")])
        let error = try #require(inputError { try CameraPath.decode(data, source: "out.json", bounds: Self.box) })
        #expect(error.description == "out.json: keyframes[2].position: expected a position inside the scene bounds (min [-95.0, -75.0, -1.0], max [95.0, 75.0, 34.0]), found [120.0, -30.0, 10.0]")
        // Without bounds, or with a depth range (which bounds nothing in world coordinates), it loads.
        _ = try CameraPath.decode(data, source: "out.json")
        _ = try CameraPath.decode(data, source: "out.json", bounds: .depthRange(near: 1, far: 100))
    }

    @Test func aCurveThatSwingsOutOfTheBoundsBetweenKeyframesIsNamed() throws {
        // Every keyframe is inside, but the curve turning sharply north at [94, -60, 10] swings
        // out of the box beside it (south of y = −75 before the turn, east of x = 95 after it).
        let data = pathFile([keyframeJSON(0, "[0, -70, 10]"), keyframeJSON(1, "[94, -60, 10]"), keyframeJSON(2, "[94, 60, 10]")])
        let error = try #require(inputError { try CameraPath.decode(data, source: "swing.json", bounds: Self.box) })
        #expect(error.place == "keyframes[0]…keyframes[1]" || error.place == "keyframes[1]…keyframes[2]", "\(error)")
        #expect(error.message.contains("the interpolated camera leaves the scene bounds"))
    }

    @Test func aNaNMadeInCodeIsRefusedByValidate() throws {
        var path = PathFixtures.curvy()
        path.keyframes[3].position.y = .nan
        let error = try #require(inputError { try path.validate(source: "made in code") })
        #expect(error.description == "made in code: keyframes[3].position: expected finite numbers, found [10.0, nan, 15.0]")
        path = PathFixtures.curvy()
        path.keyframes[1].horizontalFieldOfViewDegrees = .nan
        #expect(inputError { try path.validate(source: "x") }?.place == "keyframes[1].horizontalFieldOfViewDegrees")
    }

    @Test func missingFileIsOneLine() throws {
        let error = try #require(inputError { try CameraPath.load(from: URL(fileURLWithPath: "/nonexistent/path.json")) })
        #expect(error.description == "/nonexistent/path.json: no such file")
    }

    /// The committed sample paths load (inside the stadium's bounds) and hold every member the
    /// schema requires, and no member the schema does not know.
    @Test func samplePathsAgreeWithTheSchemaAndTheLoader() throws {
        let root = PathFixtures.packageRoot
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("Calibration/camera-path.schema.json"))) as? [String: Any])
        let keyframeSchema = try #require((schema["$defs"] as? [String: Any])?["keyframe"] as? [String: Any])
        let required = try #require(schema["required"] as? [String]), keyframeRequired = try #require(keyframeSchema["required"] as? [String])
        let known = Set(try #require(schema["properties"] as? [String: Any]).keys)
        let keyframeKnown = Set(try #require(keyframeSchema["properties"] as? [String: Any]).keys)
        let folder = root.appendingPathComponent("Samples/paths")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        #expect(files.count >= 3)
        let bounds = try PathFixtures.stadiumRig().bounds
        for file in files {
            _ = try CameraPath.load(from: file, bounds: bounds)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            #expect(Set(required).isSubset(of: object.keys), "\(file.lastPathComponent)")
            #expect(Set(object.keys).isSubset(of: known), "\(file.lastPathComponent): \(Set(object.keys).subtracting(known))")
            for keyframe in try #require(object["keyframes"] as? [[String: Any]]) {
                #expect(Set(keyframeRequired).isSubset(of: keyframe.keys))
                #expect(Set(keyframe.keys).isSubset(of: keyframeKnown))
            }
        }
        // What the loader requires, the schema requires.
        let minimal = try #require(try JSONSerialization.jsonObject(with: pathFile([keyframeJSON(0), keyframeJSON(1, "[1, -30, 10]")])) as? [String: Any])
        for member in required {
            var without = minimal
            without[member] = nil
            let data = try JSONSerialization.data(withJSONObject: without)
            #expect(inputError { try CameraPath.decode(data, source: "x") }?.place == member)
        }
    }
}

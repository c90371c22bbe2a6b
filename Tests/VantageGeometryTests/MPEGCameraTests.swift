import Foundation
import Testing
@testable import VantageGeometry

/// MPEG (TMIV / RVS) camera JSON: a file written by hand from the format's description, and the
/// exporter's round trip.
struct MPEGCameraTests {
    /// One camera entry; angles in degrees, OMAF axes (x forward, y left, z up).
    private func cameraJSON(_ name: String, position: String = "[0, 0, 0]", rotation: String,
                            projection: String = "Perspective", focal: String = "[1000, 1000]") -> String {
        """
        { "Name": "\(name)", "Position": \(position), "Rotation": \(rotation), "Depth_range": [0.5, 20],
          "Resolution": [1920, 1080], "Projection": "\(projection)", "Focal": \(focal),
          "Principle_point": [960, 540], "BitDepthColor": 10, "BitDepthDepth": 16,
          "ColorSpace": "YUV420", "DepthColorSpace": "YUV420", "Depthmap": 1 }
        """
    }

    private func file(_ cameras: [String]) -> String {
        """
        { "Version": "4.0", "Content_name": "HandWritten", "Fps": 30, "Frames_number": 1,
          "cameras": [ \(cameras.joined(separator: ",\n")) ] }
        """
    }

    private func importRig(_ text: String) throws -> ImportedRig {
        try withTemporaryFolder { folder in
            let url = folder.appendingPathComponent("cameras.json")
            try write(text, to: url)
            #expect(try RigImport.detect(url) == .mpeg)
            return try MPEGImporter.read(url)
        }
    }

    @Test func anglesFollowTheOMAFAxes() throws {
        let rig = try importRig(file([
            cameraJSON("ahead", rotation: "[0, 0, 0]"),
            cameraJSON("yaw90", rotation: "[90, 0, 0]"),
            cameraJSON("pitch30", rotation: "[0, 30, 0]"),
            cameraJSON("roll90", rotation: "[0, 0, 90]"),
            cameraJSON("moved", position: "[1, 2, 3]", rotation: "[0, 0, 0]"),
        ])).rig
        func camera(_ name: String) throws -> Camera { try #require(rig.camera(named: name)).camera }
        func near(_ a: Vector3, _ b: Vector3) -> Bool { (a - b).length < 1e-12 }
        // Yaw 0 looks along world +x with image up = +z; yaw 90° turns the view to +y (left).
        let ahead = try camera("ahead"), rolled = try camera("roll90")
        #expect(near(ahead.forwardInWorld, [1, 0, 0]) && near(ahead.upInWorld, [0, 0, 1]))
        #expect(near(try camera("yaw90").forwardInWorld, [0, 1, 0]))
        // Positive pitch tilts the optical axis down (right-handed turn about +y, which points left).
        #expect(near(try camera("pitch30").forwardInWorld, [cos(.pi / 6), 0, -sin(.pi / 6)]))
        // Roll 90° turns the image about the optical axis (right-handed about +x): image up goes from +z to −y.
        #expect(near(rolled.forwardInWorld, [1, 0, 0]) && near(rolled.upInWorld, [0, -1, 0]))
        #expect(near(try camera("moved").centerInWorld, [1, 2, 3]))
        // Principal point [960, 540] in TMIV pixels (centres at +0.5) is the image centre.
        #expect(ahead.intrinsics.cx == 959.5 && ahead.intrinsics.cy == 539.5)
        let pixel = try #require(ahead.project([10, -1, 0.5]))  // 10 m ahead, 1 m right, 0.5 m up
        #expect(abs(pixel.pixel.x - (959.5 + 100)) < 1e-9 && abs(pixel.pixel.y - (539.5 - 50)) < 1e-9 && pixel.depth == 10)
        #expect(rig.bounds == .depthRange(near: 0.5, far: 20) && rig.world.up == "+z" && rig.name == "HandWritten")
    }

    @Test func equirectangularIsRejected() throws {
        let error = inputError { try importRig(file([cameraJSON("erp", rotation: "[0, 0, 0]", projection: "Equirectangular")])) }
        #expect(error?.place == "cameras[0].Projection")
        #expect(error?.message.contains("Perspective") == true)
    }

    @Test func roundTripKeepsProjections() throws {
        let size = ImageSize(width: 1280, height: 720)
        let intrinsics = Intrinsics(fx: 900, fy: 910, cx: 641.25, cy: 355.75)
        let cameras = [
            Camera.lookingAt([0, 0, 1], from: [8, -3, 4], name: "side", size: size, intrinsics: intrinsics),
            Camera.lookingAt([1, 2, 0], from: [-6, 5, 9], name: "high", size: size, intrinsics: intrinsics),
            Camera.lookingAt([0, 0, 0], from: [0, 0, 12], up: [0, 1, 0], name: "down", size: size, intrinsics: intrinsics),
            Camera(name: "rolled", size: size, intrinsics: intrinsics,
                   camFromWorld: RigidTransform(rotation: Rotation.aboutZ(0.3) * Rotation.aboutX(-2.0) * Rotation.aboutY(0.4),
                                                mapping: [2, 7, 3])),
        ]
        let rig = Rig(name: "roundtrip", bounds: .depthRange(near: 1, far: 40), cameras: cameras.map { RigCamera($0) })
        let text = try MPEGCameraJSON.encode(rig)
        let back = try importRig(text).rig
        #expect(back.bounds == rig.bounds && back.cameras.count == 4)
        let points: [Vector3] = [[0, 0, 0], [1, 2, 0.5], [-2, 1, 1.8], [0.5, -1.5, 0.2]]
        for (original, imported) in zip(rig.cameras.map(\.camera), back.cameras.map(\.camera)) {
            #expect(original.name == imported.name && original.size == imported.size)
            for point in points {
                guard let a = original.project(point) else { continue }
                let b = try #require(imported.project(point))
                #expect((a.pixel - b.pixel).length < 1e-9 && abs(a.depth - b.depth) < 1e-9, "\(original.name) at \(point)")
            }
        }
    }

    @Test func exportRefusesWhatTheFormatCannotHold() throws {
        var camera = Camera.lookingAt([0, 0, 0], from: [5, 0, 2], name: "lens", size: ImageSize(width: 640, height: 480),
                                      intrinsics: Intrinsics(fx: 500, fy: 500, cx: 319.5, cy: 239.5))
        camera.distortion = Distortion(k1: -0.1)
        let distorted = inputError { try MPEGCameraJSON.encode(Rig(name: "r", bounds: .depthRange(near: 1, far: 9), cameras: [RigCamera(camera)])) }
        #expect(distorted?.place == "cameras[0] (lens).distortion")
        camera.distortion = .none
        let unbounded = inputError { try MPEGCameraJSON.encode(Rig(name: "r", cameras: [RigCamera(camera)])) }
        #expect(unbounded?.place == "bounds")
    }
}

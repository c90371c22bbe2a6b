import Foundation
import Testing
@testable import VantageGeometry

/// NeRF / instant-ngp files written here: explicit intrinsics, per-frame overrides, a listed but
/// missing image, sizes from the PNG header, and a malformed value.
struct NeRFSyntheticTests {
    /// The 24 bytes of a PNG that `PNGHeader` reads: signature, IHDR length and type, width, height.
    private func pngHeader(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return Data(bytes)
    }

    /// Camera-to-world in OpenGL axes: a camera at (0, 0, 5) looking down −z at the origin.
    private let aboveOrigin = "[[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 5], [0, 0, 0, 1]]"

    @Test func instantNGPWithMissingFrame() throws {
        try withTemporaryFolder { folder in
            try write("png", to: folder.appendingPathComponent("images/0001.jpg"))
            try write("png", to: folder.appendingPathComponent("images/0002.jpg"))
            try write("""
                { "fl_x": 1000, "fl_y": 1010, "cx": 640, "cy": 360, "k1": -0.05, "p2": 0.001, "w": 1280, "h": 720,
                  "aabb_scale": 16,
                  "frames": [
                    { "file_path": "images/0001.jpg", "transform_matrix": \(aboveOrigin) },
                    { "file_path": "images/0002.jpg", "fl_x": 900, "transform_matrix": \(aboveOrigin) },
                    { "file_path": "images/0003.jpg", "transform_matrix": \(aboveOrigin) } ] }
                """, to: folder.appendingPathComponent("transforms.json"))
            #expect(try RigImport.detect(folder.appendingPathComponent("transforms.json")) == .nerf)
            let imported = try RigImport.read(folder.appendingPathComponent("transforms.json"))
            #expect(imported.warnings.count == 1 && imported.warnings[0].contains("0003.jpg"))
            let cameras = imported.rig.cameras.map(\.camera)
            #expect(cameras.map(\.name) == ["0001", "0002"])
            #expect(cameras[0].intrinsics == Intrinsics(fx: 1000, fy: 1010, cx: 639.5, cy: 359.5))
            #expect(cameras[1].intrinsics.fx == 900 && cameras[0].distortion == Distortion(k1: -0.05, p2: 0.001))
            #expect(cameras[0].size == ImageSize(width: 1280, height: 720))
            // OpenGL's −z view becomes OpenCV's +z; image up stays world +y.
            #expect(cameras[0].forwardInWorld == [0, 0, -1] && cameras[0].upInWorld == [0, 1, 0])
            var pinhole = cameras[0]
            pinhole.distortion = .none
            let pixel = try #require(pinhole.project([0.1, 0.1, 0])?.pixel)
            #expect((pixel - Vector2(639.5 + 20, 359.5 - 20.2)).length < 1e-9)
            // Cameras pointing straight down give no evidence of the up axis.
            #expect(imported.rig.world.up == nil && imported.rig.world.units == .unknown)
        }
    }

    @Test func sizeFromPNGHeaderAndFieldOfView() throws {
        try withTemporaryFolder { folder in
            try pngHeader(width: 400, height: 300).write(to: folder.appendingPathComponent("view.png"))
            try write(#"{"camera_angle_x": 1.0, "frames": [{"file_path": "./view", "transform_matrix": \#(aboveOrigin)}]}"#,
                      to: folder.appendingPathComponent("transforms_test.json"))
            let camera = try NeRFImporter.read(folder.appendingPathComponent("transforms_test.json")).rig.cameras[0].camera
            #expect(camera.size == ImageSize(width: 400, height: 300) && camera.name == "view")
            #expect(abs(camera.intrinsics.fx - 200 / tan(0.5)) < 1e-12 && camera.intrinsics.fy == camera.intrinsics.fx)
            #expect(camera.intrinsics.cx == 199.5 && camera.intrinsics.cy == 149.5)
        }
    }

    @Test func stringWhereANumberBelongs() throws {
        try withTemporaryFolder { folder in
            try pngHeader(width: 400, height: 300).write(to: folder.appendingPathComponent("view.png"))
            let url = folder.appendingPathComponent("transforms.json")
            try write(#"{"camera_angle_x": "nan", "frames": [{"file_path": "view.png", "transform_matrix": \#(aboveOrigin)}]}"#, to: url)
            let error = inputError { try NeRFImporter.read(url) }
            #expect(error == InputError(url.path, at: "camera_angle_x", "expected a number, found the string \"nan\""))
        }
    }
}

import Foundation
import Testing
@testable import VantageGeometry

/// Importers on the real captures in ../shared/data (skipped, visibly, when that folder is absent).
@Suite(.enabled(if: TestData.isAvailable, TestData.skipNote))
struct RealDataImportTests {
    @Test func qualisysPose2Sim() throws {
        let imported = try QualisysImporter.read(TestData.url("pose2sim-single/calibration/Calib.qca.txt"))
        let cameras = imported.rig.cameras.map(\.camera)
        #expect(cameras.map(\.name) == ["cam01", "cam02", "cam03", "cam04"])
        #expect(cameras.allSatisfy { $0.size == ImageSize(width: 1088, height: 1920) })
        #expect(imported.rig.world.up == "+z" && imported.rig.world.units == .metres)

        let (point, worst) = convergencePoint(of: cameras)
        #expect(worst < 0.15, "optical axes miss their common point by \(worst) m")
        for camera in cameras {
            let projection = try #require(camera.project(point))
            #expect((3...4).contains(projection.depth), "\(camera.name): point \(projection.depth) m in front")
            let centre = Vector2(Double(camera.size.width - 1) / 2, Double(camera.size.height - 1) / 2)
            let offset = projection.pixel - centre
            #expect(abs(offset.x) < 0.15 * Double(camera.size.width) && abs(offset.y) < 0.15 * Double(camera.size.height),
                    "\(camera.name): point projects \(offset) px from the image centre")
            #expect(camera.upInWorld.z > 0.5, "\(camera.name): image up should point to +z")
        }
        for member in imported.rig.cameras {
            let media = try #require(member.media)
            #expect(media.location == TestData.url("pose2sim-single/videos/\(member.camera.name).mp4").path)
        }
    }

    @Test func caliscopeCharuco() throws {
        let imported = try CaliscopeImporter.read(TestData.url("caliscope-charuco/camera_array.toml"))
        #expect(imported.warnings.isEmpty)
        #expect(imported.rig.cameras.map(\.camera.name) == ["cam_0", "cam_1", "cam_2", "cam_3"])
        #expect(imported.rig.world.up == nil)
        for (index, member) in imported.rig.cameras.enumerated() {
            #expect(member.camera.size == ImageSize(width: 1280, height: 720))
            let media = try #require(member.media)
            #expect(media.location == TestData.url("caliscope-charuco/cam_\(index).mp4").path)
            #expect(media.timestamps == TimestampFile(path: TestData.url("caliscope-charuco/timestamps.csv").path,
                                                      format: .caliscope, cameraID: "\(index)"))
        }
        let cam0 = imported.rig.cameras[0].camera
        #expect(cam0.intrinsics.fx == 903.550124089999 && cam0.intrinsics.cx == 618.3086297620227)
        #expect(cam0.distortion.p1 == -0.004295771569519648 && cam0.distortion.k3 == 0.0665682301495769)
    }

    @Test func nerfLego() throws {
        let url = TestData.url("nerf-lego/transforms_train.json")
        let imported = try NeRFImporter.read(url)
        #expect(imported.warnings.isEmpty)
        let cameras = imported.rig.cameras.map(\.camera)
        #expect(cameras.count == 100)
        #expect(imported.rig.world.up == "+z" && imported.rig.world.units == .unknown)
        let angleX = 0.6911112070083618
        for camera in cameras {
            #expect(camera.size == ImageSize(width: 800, height: 800))
            #expect(abs(camera.intrinsics.fx - 400 / tan(angleX / 2)) < 1e-9)
            #expect(camera.intrinsics.cx == 399.5 && camera.intrinsics.cy == 399.5)
            let toOrigin = -camera.centerInWorld
            let angle = Rotation.angle(between: camera.forwardInWorld, toOrigin) * 180 / .pi
            #expect(angle < 2, "\(camera.name) looks \(angle)° away from the origin")
        }
        #expect(cameras[0].name == "r_0")
        #expect(imported.rig.cameras[0].media?.location == TestData.url("nerf-lego/train/r_0.png").path)
    }
}

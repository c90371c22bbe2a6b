import Foundation
import Testing
import VantageTestSupport
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct RigFrameSourceTests {
    static func pose2sim() throws -> RigFrameSource {
        let imported = try QualisysImporter.read(SharedData.url("pose2sim-single/calibration/Calib.qca.txt"))
        return try RigFrameSource(rig: imported.rig, rigDirectory: SharedData.url("pose2sim-single/calibration"))
    }

    @Test func pose2simMomentsAreUndistortedAndSizedLikeTheirVideos() throws {
        let source = try Self.pose2sim()
        #expect(source.sourceNames == ["cam01", "cam02", "cam03", "cam04"])
        #expect(abs(source.framesPerSecond - 60) < 0.1)
        #expect(abs(source.durationSeconds - 100.0 / 60) < 0.05)
        // cam01 and cam02 are 1080 wide against a 1088-wide calibration: cropped at the right.
        #expect(source.camera(named: "cam01")?.size == ImageSize(width: 1080, height: 1920))
        #expect(source.camera(named: "cam03")?.size == ImageSize(width: 1088, height: 1920))
        let moment = try source.moment(at: .frame(50), cameras: nil)
        #expect(moment.views.count == 4 && moment.missingCameras.isEmpty)
        #expect(moment.captureMicroseconds == Int64((50.0 / 60 * 1e6).rounded()))
        for view in moment.views {
            #expect(view.camera.distortion.isNone)
            #expect(view.image.width == view.camera.size.width)
        }
    }

    @Test func timesOutsideTheReplayAreRefused() throws {
        let source = try Self.pose2sim()
        for time in [ReplayTime.frame(100), .frame(-1), .seconds(2), .seconds(-0.1), .seconds(.nan)] {
            let error = #expect(throws: SynthesisError.self, "\(time)") { try source.moment(at: time, cameras: nil) }
            #expect(error?.kind == .outsideReplay)
        }
    }

    @Test func stillImagesWithAlphaGiveCoverage() throws {
        let imported = try NeRFImporter.read(SharedData.url("nerf-lego/transforms_train.json"))
        var rig = imported.rig
        rig.cameras = Array(rig.cameras.prefix(3))
        let source = try RigFrameSource(rig: rig, rigDirectory: SharedData.url("nerf-lego"))
        let moment = try source.moment(at: .frame(0), cameras: nil)
        #expect(moment.views.count == 3)
        let coverage = try #require(moment.views[0].coverage)
        #expect(coverage.contains(0) && coverage.contains(1))
        // Transparent pixels are composited onto white.
        let corner = moment.views[0].image.samples[0]
        #expect(corner > 0.99)
        #expect(throws: SynthesisError.self) { try source.moment(at: .frame(1), cameras: nil) }
    }

    @Test func unreadableMediaIsMissingNotFatal() throws {
        let imported = try QualisysImporter.read(SharedData.url("pose2sim-single/calibration/Calib.qca.txt"))
        var rig = imported.rig
        rig.cameras[1].media = MediaReference(location: "/nonexistent/cam02.mp4")
        let source = try RigFrameSource(rig: rig, rigDirectory: SharedData.url("pose2sim-single/calibration"))
        #expect(source.unavailable["cam02"]?.contains("cam02") == true)
        let moment = try source.moment(at: .frame(0), cameras: nil)
        #expect(moment.views.map(\.name) == ["cam01", "cam03", "cam04"])
        #expect(moment.missingCameras == ["cam02"])
    }
}

import Foundation
import Testing
import VantageTestSupport
import VantageGeometry
@testable import VantageSynthesis

/// Held-out evaluation on a real lab capture: four portrait cameras with lens distortion, two of them
/// recorded at 1088 rather than the calibrated 1080 pixels wide.
struct EvaluationRealDataTests {
    @Test(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
    func pose2simHeldOutCameraIsComparedAtItsRecordedSizeWithItsLens() throws {
        let calibration = SharedData.url("pose2sim-single/calibration/Calib.qca.txt")
        let rig = try RigImport.read(calibration).rig
        let directory = calibration.deletingLastPathComponent()
        let source = try RigFrameSource(rig: rig, rigDirectory: directory)
        let target = try #require(source.camera(named: "cam03"))
        #expect(!target.distortion.isNone && target.size == ImageSize(width: 1088, height: 1920))
        let runner = EvaluationRunner(source: source, truth: try TruthFrames(rig: rig, rigDirectory: directory, cameras: ["cam03"]),
                                      models: [NearestCameraModel(), PlaneBlendModel()])
        let report = try runner.run(rigName: rig.name, heldOut: ["cam03"], frames: [0]) { _, _, _ in }
        for row in report.rows {
            // Four cameras around a treadmill, ~90° apart: baselines stay far from the truth but see it.
            #expect(row.error == nil && (8...30).contains(row.psnr ?? 0) && (0.3...0.95).contains(row.ssim ?? 0), "\(row)")
            #expect(row.sources?.contains("cam03") == false, "the held-out camera is not a source")
        }
    }
}

import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis
import VantageTestSupport

/// `../shared/data` beside the package root; the tests that need it are disabled, with a printed
/// notice, when it is absent (a fresh clone).
enum DepthRealData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // VantageSynthesisTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/data").standardized

    static let middlebury = root.appendingPathComponent("middlebury-motorcycle")

    static let hasMiddlebury: Bool = {
        let present = FileManager.default.fileExists(atPath: middlebury.appendingPathComponent("disp0GT.pfm").path)
        if !present { print("skipping the Middlebury depth test: no \(middlebury.path)") }
        return present
    }()
}

@Suite(.enabled(if: DepthRealData.hasMiddlebury, "needs ../shared/data/middlebury-motorcycle beside the package root"))
struct DepthRealDataTests {
    /// The rectified pair as two cameras (f = 1000 px, baseline 0.1 m along +x), so that
    /// disparity = f·B / depth, as Benchmarks/stereo-vs-sgbm.sh sets it up.
    @Test func middleburyMotorcycleBeatsTheMeasuredBound() throws {
        let truth = try DepthMap(pfmAt: DepthRealData.middlebury.appendingPathComponent("disp0GT.pfm").path)
        let size = ImageSize(width: truth.width, height: truth.height)
        let intrinsics = Intrinsics(fx: 1000, fy: 1000, cx: Double(size.width - 1) / 2, cy: Double(size.height - 1) / 2)
        func view(_ name: String, x: Double) throws -> SourceView {
            let image = try ImageIO.read(DepthRealData.middlebury.appendingPathComponent("motorcycle_\(name).png").path)
            let camera = Camera(name: name, size: size, intrinsics: intrinsics,
                                camFromWorld: RigidTransform(rotation: .identity, translation: [-x, 0, 0]))
            return SourceView(camera: camera, image: PlanarFloatImage(image))
        }
        let focalBaseline: Float = 1000 * 0.1
        let known = truth.values.filter(\.isFinite)
        let range = DepthRange(near: Double(focalBaseline / (known.max()! * 1.2)), far: Double(focalBaseline / max(1, known.min()! * 0.8)))
        let depth = try PlaneSweepDepth()
        let estimate = depth.estimate(reference: try view("left", x: 0), neighbours: [try view("right", x: 0.1)], range: range)

        // Bad 2.0 over the pixels with ground truth; a pixel without a trusted depth counts as bad.
        var bad = 0
        for index in truth.values.indices where truth.values[index].isFinite {
            let z = estimate.depth.values[index]
            guard estimate.confidence[index] >= depth.options.minimumConfidence, z.isFinite else { bad += 1; continue }
            if abs(focalBaseline / z - truth.values[index]) > 2 { bad += 1 }
        }
        let badShare = Double(bad) / Double(known.count)
        print("Middlebury motorcycle: bad-2.0 \(badShare) (OpenCV StereoSGBM: 0.208, see Benchmarks/README.md)")
        // Measured 0.167 (2026-11-25); StereoSGBM gets 0.208 on the same pair and rule.
        #expect(badShare < 0.18)
    }
}

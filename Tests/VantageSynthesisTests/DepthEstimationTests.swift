import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// End-to-end depth on ray-cast planes with exact depth.
struct DepthEstimationTests {
    static let range = DepthRange(near: 1.5, far: 20)

    /// Relative depth errors on the pixels the estimate trusts, and the share of known truth it trusts.
    static func errors(_ estimate: DepthEstimate, truth: DepthMap, minimumConfidence: Float = DepthOptions().minimumConfidence)
        -> (relative: [Double], trusted: Double) {
        var relative: [Double] = [], known = 0
        for index in truth.values.indices where truth.values[index].isFinite {
            known += 1
            guard estimate.confidence[index] >= minimumConfidence, estimate.depth.values[index].isFinite else { continue }
            relative.append(Double(abs(estimate.depth.values[index] - truth.values[index]) / truth.values[index]))
        }
        return (relative.sorted(), Double(relative.count) / Double(max(known, 1)))
    }

    static func median(_ sorted: [Double]) -> Double { sorted.isEmpty ? .infinity : sorted[sorted.count / 2] }

    static func estimate(_ planes: [DepthTestScenes.Plane], gains: [Double] = [1, 1, 1, 1], offsets: [Double] = [0, 0, 0, 0],
                         coverage: [Float]? = nil, options: DepthOptions = DepthOptions()) throws -> (DepthEstimate, DepthMap) {
        let reference = DepthTestScenes.render(planes, camera: DepthTestScenes.reference)
        let neighbours = DepthTestScenes.neighbourCameras().enumerated().map { index, camera in
            DepthTestScenes.render(planes, camera: camera, gain: gains[index], offset: offsets[index]).view
        }
        let view = SourceView(camera: reference.view.camera, image: reference.view.image, coverage: coverage)
        let estimate = try PlaneSweepDepth(options: options).estimate(reference: view, neighbours: neighbours, range: range)
        return (estimate, reference.depth)
    }

    @Test func frontoParallelPlaneIsRecovered() throws {
        let (estimate, truth) = try Self.estimate([DepthTestScenes.frontoParallel(at: 5)])
        let (relative, trusted) = Self.errors(estimate, truth: truth)
        #expect(trusted > 0.8, "trusted share \(trusted)")
        #expect(Self.median(relative) < 0.02, "median relative error \(Self.median(relative))")
        #expect(relative[relative.count * 9 / 10] < 0.04, "90th percentile \(relative[relative.count * 9 / 10])")
        #expect(estimate.confidence.allSatisfy { (0...1).contains($0) })
    }

    @Test func slantedPlaneIsRecovered() throws {
        let slanted = DepthTestScenes.Plane(point: [0, 5, 0], normal: Vector3(0.6, -1, 0.3).normalized)
        let (estimate, truth) = try Self.estimate([slanted])
        let (relative, trusted) = Self.errors(estimate, truth: truth)
        #expect(trusted > 0.7, "trusted share \(trusted)")
        #expect(Self.median(relative) < 0.02, "median relative error \(Self.median(relative))")
    }

    /// The sweep at a quarter of the size, then refinements at half and full size.
    @Test func coarseToFineRecoversTheSlantedPlane() throws {
        var options = DepthOptions()
        options.maximumSweepWidth = 40
        options.fullSizeHypotheses = 3
        let slanted = DepthTestScenes.Plane(point: [0, 5, 0], normal: Vector3(0.6, -1, 0.3).normalized)
        let (estimate, truth) = try Self.estimate([slanted], options: options)
        let (relative, trusted) = Self.errors(estimate, truth: truth)
        #expect(trusted > 0.7, "trusted share \(trusted)")
        #expect(Self.median(relative) < 0.02, "median relative error \(Self.median(relative))")
    }

    @Test func neighboursWithAnotherExposureStillMatch() throws {
        let (estimate, truth) = try Self.estimate([DepthTestScenes.frontoParallel(at: 5)], gains: [1.4, 0.7, 1.2, 0.8],
                                                  offsets: [0.05, -0.03, 0, 0.04])
        let (relative, trusted) = Self.errors(estimate, truth: truth)
        #expect(trusted > 0.7, "trusted share \(trusted)")
        #expect(Self.median(relative) < 0.02, "median relative error \(Self.median(relative))")
    }

    @Test func neighboursOfAnotherSizeAndFocalLengthWork() throws {
        let plane = DepthTestScenes.frontoParallel(at: 5)
        let reference = DepthTestScenes.render([plane], camera: DepthTestScenes.reference)
        let size = ImageSize(width: 240, height: 200)
        let neighbours = DepthTestScenes.neighbourCameras().map { camera in
            var larger = camera
            larger.size = size
            larger.intrinsics = Intrinsics(fx: 200, fy: 200, cx: 119.5, cy: 99.5)
            return DepthTestScenes.render([plane], camera: larger).view
        }
        let estimate = try PlaneSweepDepth().estimate(reference: reference.view, neighbours: neighbours, range: Self.range)
        let (relative, trusted) = Self.errors(estimate, truth: reference.depth)
        #expect(trusted > 0.8, "trusted share \(trusted)")
        #expect(Self.median(relative) < 0.02, "median relative error \(Self.median(relative))")
    }

    @Test func backdropHasNoDepthAndNoConfidence() throws {
        let size = DepthTestScenes.size
        let coverage = (0..<size.width * size.height).map { Float($0 % size.width < 50 ? 0 : 1) }
        let (estimate, truth) = try Self.estimate([DepthTestScenes.frontoParallel(at: 5)], coverage: coverage)
        for index in coverage.indices where coverage[index] == 0 {
            #expect(estimate.depth.values[index] == .infinity && estimate.confidence[index] == 0)
            if estimate.depth.values[index] != .infinity { break }
        }
        let (relative, _) = Self.errors(estimate, truth: truth)
        #expect(Self.median(relative) < 0.02, "content still recovered: median relative error \(Self.median(relative))")
    }

    @Test func withoutNeighboursEverythingIsUnknown() throws {
        let reference = DepthTestScenes.render([DepthTestScenes.frontoParallel(at: 5)], camera: DepthTestScenes.reference)
        let estimate = try PlaneSweepDepth().estimate(reference: reference.view, neighbours: [], range: Self.range)
        #expect(estimate.depth.values.allSatisfy { $0 == .infinity } && estimate.confidence.allSatisfy { $0 == 0 })
    }

    @Test func neighboursAreChosenByViewingAngleWithABaseline() {
        let reference = DepthTestScenes.reference
        let size = DepthTestScenes.size, k = DepthTestScenes.intrinsics
        let candidates = [
            reference,                                                                                       // itself
            Camera.lookingAt([0, 10, 0], from: [0, 0, 0], name: "twin", size: size, intrinsics: k),         // no baseline
            Camera.lookingAt([0, 6, 0], from: [3, 0, 0], name: "wide", size: size, intrinsics: k),          // ~27°
            Camera.lookingAt([0, 6, 0], from: [0.5, 0, 0], name: "close", size: size, intrinsics: k),       // ~5°
            Camera.lookingAt([0, -10, 0], from: [0, 1, 0], name: "behind", size: size, intrinsics: k),      // facing away
            Camera.lookingAt([0, 6, 0], from: [-1.5, 0, 0], name: "middle", size: size, intrinsics: k),     // ~14°
        ]
        #expect(PlaneSweepDepth.neighbours(of: reference, among: candidates, count: 2) == ["close", "middle"])
        #expect(PlaneSweepDepth.neighbours(of: reference, among: candidates, count: 10) == ["close", "middle", "wide"])
        #expect(PlaneSweepDepth.neighbours(of: reference, among: candidates, count: 0).isEmpty)
    }
}

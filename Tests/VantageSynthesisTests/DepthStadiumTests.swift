import Foundation
import Testing
import VantageGeometry
import VantageMedia
import VantageSample
@testable import VantageSynthesis

/// Depth of a rendered stadium camera against the renderer's exact depth.
struct DepthStadiumTests {
    @Test func stadiumCameraDepthMatchesTheRenderersOnConfidentPixels() throws {
        let scene = StadiumScene(seed: 1)
        // 16 cameras on the ring: neighbours 22.5° apart, as a broadcast rig would place them.
        let cameras = scene.cameras.sourceCameras(count: 16, size: ImageSize(width: 480, height: 270))
        let gains = StadiumCameras.exposureGains(count: cameras.count, seed: 1)
        let reference = cameras[0]
        let names = PlaneSweepDepth.neighbours(of: reference, among: cameras, count: 2)
        #expect(names == ["cam02", "cam16"])
        let mesh = scene.mesh(atSeconds: 0)
        func view(_ camera: Camera) -> (SourceView, DepthMap) {
            let index = cameras.firstIndex(of: camera)!
            let rendered = ViewRenderer.render(scene, mesh: mesh, camera: camera, exposure: gains[index])
            return (SourceView(camera: camera, image: PlanarFloatImage(rendered.image)), rendered.depth)
        }
        let (referenceView, truth) = view(reference)
        let neighbours = names.map { name in view(cameras.first { $0.name == name }!).0 }
        // From the stands the play lies 15–150 m away (what `vantage depth --range auto` derives from the sample's box).
        let depth = try PlaneSweepDepth()
        let estimate = depth.estimate(reference: referenceView, neighbours: neighbours, range: DepthRange(near: 15, far: 150))

        var errors: [Float] = []
        for index in truth.values.indices where truth.values[index].isFinite
            && estimate.confidence[index] >= depth.options.minimumConfidence && estimate.depth.values[index].isFinite {
            errors.append(abs(estimate.depth.values[index] - truth.values[index]) / truth.values[index])
        }
        errors.sort()
        let trusted = Double(errors.count) / Double(truth.values.count)
        let median = errors.isEmpty ? .infinity : errors[errors.count / 2]
        let within5 = Double(errors.filter { $0 < 0.05 }.count) / Double(max(errors.count, 1))
        print("stadium cam01 from cam02, cam16: trusted \(trusted), median relative error \(median), within 5 % \(within5)")
        // Measured 2026-11-25: trusted 0.74, median 1.3 %, 77 % within 5 %.
        #expect(trusted > 0.65)
        #expect(median < 0.02)
        #expect(within5 > 0.7)
    }
}

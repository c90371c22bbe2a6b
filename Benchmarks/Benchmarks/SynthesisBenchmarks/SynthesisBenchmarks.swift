import Benchmark
import Foundation
import VantageGeometry
import VantageMedia
import VantageSample
import VantageSynthesis

/// One moment of the synthetic stadium at 1280×720: eight source views with their exact depth,
/// and a truth camera between them as the target.
private struct StadiumMoment {
    let moment: Moment
    let exactDepth: [String: DepthEstimate]
    let target: Camera

    init() {
        let size = ImageSize(width: 1280, height: 720)
        let scene = StadiumScene(seed: 1)
        let mesh = scene.mesh(atSeconds: 2)
        var views: [SourceView] = []
        var depth: [String: DepthEstimate] = [:]
        for camera in scene.cameras.sourceCameras(count: 8, size: size) {
            let rendered = ViewRenderer.render(scene, mesh: mesh, camera: camera)
            views.append(SourceView(camera: camera, image: PlanarFloatImage(rendered.image)))
            depth[camera.name] = DepthEstimate(depth: rendered.depth, confidence: [Float](repeating: 1, count: rendered.depth.values.count))
        }
        moment = Moment(captureMicroseconds: 2_000_000, views: views)
        exactDepth = depth
        target = scene.cameras.truthCameras(count: 1, size: size, sourceCount: 8)[0]
    }
}

/// Depth that is already at hand, as the depth cache holds it after a moment's first render.
private struct CachedDepth: DepthProvider {
    let depth: [String: DepthEstimate]
    func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate { depth[camera]! }
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 30)

    // Render: one 1280×720 target from exactly 4 sources whose depth is cached (warping, z-test,
    // blending, hole filling). Peak resident memory includes the 8 cached source views (~90 MB).
    Benchmark("Render 1280x720 from 4 sources, cached depth", configuration: configuration) { benchmark, input in
        var options = ImageBasedModelOptions()
        options.sourceCount = 4
        options.maximumSourceCount = 4
        let model = try ImageBasedModel(bounds: nil, options: options, depthProvider: CachedDepth(depth: input.exactDepth))
        for _ in benchmark.scaledIterations {
            blackHole(try model.render(input.moment, target: input.target))
        }
    } setup: {
        StadiumMoment()
    }
}

import VantageGeometry
import VantageMedia
import VantageSample
@testable import VantageSynthesis

/// A small stadium moment with exact depth: source views as `SourceView`s (neutral exposure
/// unless asked), plus truth cameras and their images.
struct StadiumFixture {
    let sources: [SourceView]
    let sourceDepths: [DepthMap]
    let truthCameras: [Camera]
    let truthImages: [RGBImage]

    init(sourceCount: Int = 8, truthCount: Int = 2, size: ImageSize = ImageSize(width: 320, height: 180),
         seconds: Double = 1, exposureSeed: UInt64? = nil) {
        let scene = StadiumScene(seed: 7)
        let mesh = scene.mesh(atSeconds: seconds)
        let sourceCameras = scene.cameras.sourceCameras(count: sourceCount, size: size)
        let gains = exposureSeed.map { StadiumCameras.exposureGains(count: sourceCount, seed: $0) }
        var sources: [SourceView] = [], depths: [DepthMap] = []
        for (index, camera) in sourceCameras.enumerated() {
            let view = ViewRenderer.render(scene, mesh: mesh, camera: camera, exposure: gains?[index] ?? Float3(repeating: 1))
            sources.append(SourceView(camera: camera, image: PlanarFloatImage(view.image)))
            depths.append(view.depth)
        }
        self.sources = sources
        sourceDepths = depths
        truthCameras = scene.cameras.truthCameras(count: truthCount, size: size, sourceCount: sourceCount)
        truthImages = truthCameras.map { ViewRenderer.render(scene, mesh: mesh, camera: $0).image }
    }

    /// Exact depth with full confidence, as a depth estimator at its best would deliver it.
    func exactDepth(_ index: Int) -> DepthEstimate {
        DepthEstimate(depth: sourceDepths[index], confidence: [Float](repeating: 1, count: sourceDepths[index].values.count))
    }
}

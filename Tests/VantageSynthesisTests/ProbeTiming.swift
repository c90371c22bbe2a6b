import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

@Test func probeRenderTiming() throws {
    guard ProcessInfo.processInfo.environment["PROBE"] != nil else { return }
    let fixture = StadiumFixture(sourceCount: 8, truthCount: 1, size: ImageSize(width: 1280, height: 720))
    let model = try ImageBasedModel(bounds: nil, depthProvider: ExactDepthProvider(fixture))
    let moment = Moment(captureMicroseconds: 0, views: fixture.sources)
    let clock = ContinuousClock()
    for _ in 0..<5 {
        let t = clock.now
        let r = try model.render(moment, target: fixture.truthCameras[0])
        print("render ms", (clock.now - t), r.sourceNames)
    }
}

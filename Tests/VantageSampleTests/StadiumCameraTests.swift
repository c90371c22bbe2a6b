import Foundation
import Testing
import VantageGeometry
@testable import VantageSample

struct StadiumCameraTests {
    let cameras = StadiumScene(seed: 7).cameras
    let size = ImageSize(width: 1920, height: 1080)

    @Test func sourceCamerasSitInTheStandsAndSeeThePlay() {
        let sources = cameras.sourceCameras(count: 12, size: size)
        #expect(sources.map(\.name) == (1...12).map { $0 < 10 ? "cam0\($0)" : "cam\($0)" })
        for camera in sources {
            let centre = camera.centerInWorld
            #expect(StadiumCameras.heights.contains(centre.z), "\(camera.name) at \(centre.z) m")
            let standBelow = StadiumLayout.standSurfaceHeight(x: Float(centre.x), y: Float(centre.y))
            #expect(centre.z >= Double(standBelow) + 1, "\(camera.name) inside the stand")
            let fieldOfView = camera.intrinsics.horizontalFieldOfView(width: size.width) * 180 / .pi
            #expect(fieldOfView >= 35 - 1e-9 && fieldOfView <= 60 + 1e-9)
            #expect(camera.intrinsics.fx == camera.intrinsics.fy && camera.distortion.isNone)
            #expect(camera.intrinsics.cx == 959.5 && camera.intrinsics.cy == 539.5)
            for point in [cameras.playCentre, Vector3(0, 0, 0)] {
                let pixel = camera.project(point)?.pixel
                #expect(pixel.map(camera.contains) == true, "\(camera.name) does not see \(point)")
            }
        }
        let heights = sources.map(\.centerInWorld.z)
        #expect((heights.max() ?? 0) - (heights.min() ?? 0) > 10)
    }

    @Test func truthCamerasIncludePitchLevelAndSpiderCam() {
        let truths = cameras.truthCameras(count: 6, size: size)
        #expect(truths.map(\.name) == (1...6).map { "truth0\($0)" })
        #expect(truths[0].centerInWorld.z < 2.5)
        #expect(truths[1].centerInWorld.z >= 25)
        let downwards = asin(-truths[1].forwardInWorld.z) * 180 / .pi
        #expect(downwards > 45 && downwards < 65)
        for camera in truths {
            let pixel = camera.project(cameras.playCentre)?.pixel
            #expect(pixel.map(camera.contains) == true, "\(camera.name) does not see the play")
        }
    }

    @Test func exposureGainsAreMildAndDeterministic() {
        let gains = StadiumCameras.exposureGains(count: 10, seed: 3)
        #expect(gains == StadiumCameras.exposureGains(count: 10, seed: 3))
        #expect(gains != StadiumCameras.exposureGains(count: 10, seed: 4))
        for gain in gains {
            #expect(gain.min() >= 0.9 && gain.max() <= 1.1)
        }
    }
}

import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSample

/// The renderer draws where the rig's camera model says, and its depth is exact.
struct GroundTruthTests {
    static let size = ImageSize(width: 960, height: 540)
    static let scene = StadiumScene(seed: 1)
    static let spots = [Vector3(Double(StadiumLayout.penaltySpotX), 0, 0), Vector3(-Double(StadiumLayout.penaltySpotX), 0, 0)]

    /// A camera 12 m from a penalty spot with an off-centre principal point and skew, so that the
    /// spot covers many pixels and every term of the camera model matters.
    static let closeCamera = Camera.lookingAt(
        spots[0] + Vector3(0.7, 0.4, 0), from: spots[0] + Vector3(-9, -6, 5), name: "close", size: size,
        intrinsics: Intrinsics(fx: 1100, fy: 1090, cx: 492.75, cy: 262.0, skew: 1.5))

    @Test func penaltySpotIsDrawnWhereTheCameraModelProjectsIt() throws {
        let camera = Self.closeCamera
        let projected = try #require(camera.project(Self.spots[0]))
        let view = ViewRenderer.render(Self.scene, mesh: Self.scene.mesh(atSeconds: 0), camera: camera)
        // Weighted centroid of the pixels brighter than the grass in a window holding only the spot
        // (radius 0.11 m ≈ 8 px here; the nearest line is metres away).
        let radius = 16
        let centerX = Int(projected.pixel.x.rounded()), centerY = Int(projected.pixel.y.rounded())
        func luminance(_ x: Int, _ y: Int) -> Double {
            let offset = (y * view.image.width + x) * 3
            return view.image.pixels[offset ..< offset + 3].reduce(0) { $0 + Double($1) } / 3
        }
        let border = (-radius...radius).flatMap { d in
            [luminance(centerX + d, centerY - radius), luminance(centerX + d, centerY + radius),
             luminance(centerX - radius, centerY + d), luminance(centerX + radius, centerY + d)]
        }
        let grass = border.max() ?? 0
        var total = 0.0, sum = Vector2.zero
        for y in (centerY - radius)...(centerY + radius) {
            for x in (centerX - radius)...(centerX + radius) {
                let weight = max(0, luminance(x, y) - grass)
                total += weight
                sum += Vector2(Double(x), Double(y)) * weight
            }
        }
        try #require(total > 0, "no bright spot near \(projected.pixel)")
        let centroid = sum / total
        #expect((centroid - projected.pixel).length < 0.5, "spot drawn at \(centroid), projected to \(projected.pixel)")
        let column = Int(projected.pixel.x.rounded()), row = Int(projected.pixel.y.rounded())
        let depth = Double(view.depth.values[row * camera.size.width + column])
        #expect(abs(depth - projected.depth) < 0.01 * projected.depth, "depth at the spot's pixel is the spot's depth")
    }

    /// For every source camera of the rig: the depth the renderer stores at the pixel where a
    /// penalty spot projects is the camera-z of the pitch point that pixel's centre sees.
    @Test func depthIsTheDistanceAlongTheOpticalAxisToThePitch() throws {
        let mesh = Self.scene.mesh(atSeconds: 0)
        var checked = 0
        for camera in Self.scene.cameras.sourceCameras(count: 8, size: Self.size) {
            let view = ViewRenderer.render(Self.scene, mesh: mesh, camera: camera)
            for spot in Self.spots {
                guard let projected = camera.project(spot), camera.contains(projected.pixel) else { continue }
                let column = Int(projected.pixel.x.rounded()), row = Int(projected.pixel.y.rounded())
                let rendered = Double(view.depth.values[row * camera.size.width + column])
                let ray = try #require(camera.rayInWorld(through: Vector2(Double(column), Double(row))))
                let hit = camera.centerInWorld + ray * (-camera.centerInWorld.z / ray.z)
                let expected = camera.camFromWorld.apply(hit).z
                // A player standing on the spot would be nearer; the pitch is never farther.
                if rendered < expected * 0.99 { continue }
                #expect(abs(rendered - expected) < 1e-4 * expected, "\(camera.name): depth \(rendered) vs \(expected)")
                checked += 1
            }
        }
        #expect(checked >= 4, "the spots are seen, unoccluded, by several cameras")
    }

    @Test func skyHasInfiniteDepthAndEverythingElseIsInFront() throws {
        let size = ImageSize(width: 160, height: 90)
        let upward = Camera.lookingAt([0, 0, 100], from: [0, 0, 2], up: [0, 1, 0], name: "sky", size: size,
                                      intrinsics: Intrinsics(horizontalFieldOfView: 0.8, size: size))
        let sky = ViewRenderer.render(Self.scene, mesh: Self.scene.mesh(atSeconds: 0), camera: upward)
        let allSky = sky.depth.values.allSatisfy { $0 == .infinity }
        #expect(allSky, "straight up there is only sky")
        let pitchLevel = try #require(Self.scene.cameras.truthCameras(count: 4, size: size).first)
        let view = ViewRenderer.render(Self.scene, mesh: Self.scene.mesh(atSeconds: 0), camera: pitchLevel)
        let allInFront = view.depth.values.allSatisfy { $0 > 0.05 }
        #expect(allInFront, "nothing closer than the near plane")
    }
}

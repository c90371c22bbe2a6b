import Foundation
import Testing
import VantageGeometry
@testable import VantageSynthesis

/// `DepthRange.of`: explicit depth bounds pass through; a box gives the extent of its corners
/// along the optical axis, its near end raised to the rig's convergence estimate when the camera
/// sits inside it; without bounds the range surrounds the point where the axes converge; and a
/// rig whose axes never converge gives no range without bounds.
@Suite struct DepthRangeTests {
    static let size = ImageSize(width: 100, height: 80)
    static let intrinsics = Intrinsics(fx: 80, fy: 80, cx: 49.5, cy: 39.5)

    /// Four cameras on a ring of radius 10 at z = 0, all looking at the origin.
    static let ring: [Camera] = (0..<4).map { index in
        let angle = Double(index) * .pi / 2
        return Camera.lookingAt([0, 0, 0], from: [10 * cos(angle), 10 * sin(angle), 0], name: "ring\(index)",
                                size: size, intrinsics: intrinsics)
    }

    /// Radius of the sphere around the origin each ring camera sees whole: limited by the half
    /// height of the image (40 px from the centre to the edge at fx 80).
    static let visibleRadius = 10 * sin(atan(40.0 / 80))

    @Test func depthRangeBoundsPassThrough() throws {
        let range = try #require(DepthRange.of(Self.ring[0], bounds: .depthRange(near: 2, far: 30), rigCameras: Self.ring))
        #expect(range == DepthRange(near: 2, far: 30))
        #expect(DepthRange.of(Self.ring[0], bounds: .depthRange(near: 0, far: 30), rigCameras: Self.ring) == nil)
        #expect(DepthRange.of(Self.ring[0], bounds: .depthRange(near: 5, far: 5), rigCameras: Self.ring) == nil)
    }

    @Test func boxInFrontGivesItsCornersDepths() throws {
        let camera = Camera.lookingAt([0, 0, 0], from: [0, -10, 0], name: "front", size: Self.size, intrinsics: Self.intrinsics)
        // Along the camera's axis (+y) the box spans y ∈ [-5, -3]: depths 5...7.
        let box = SceneBounds.box(min: [-1, -5, -1], max: [1, -3, 1])
        let range = try #require(DepthRange.of(camera, bounds: box, rigCameras: [camera]))
        #expect(abs(range.near - 5) < 1e-9 && abs(range.far - 7) < 1e-9)
        // A box behind the camera gives none.
        #expect(DepthRange.of(camera, bounds: .box(min: [-1, -15, -1], max: [1, -12, 1]), rigCameras: [camera]) == nil)
    }

    /// A camera 1e82 m from a box sees all its corners at the same depth after rounding: no range,
    /// never a trap (schemathesis found it through a POST /api/render pose, killing the server).
    @Test func aCameraAbsurdlyFarFromTheBoxGetsNoRange() {
        let camera = Camera.lookingAt([0, 0, 0], from: [-4.85e82, 6.8e16, 3.3e16], name: "far", size: Self.size, intrinsics: Self.intrinsics)
        let box = SceneBounds.box(min: [-60, -40, 0], max: [60, 40, 20])
        #expect(DepthRange.of(camera, bounds: box, rigCameras: Self.ring) == nil)
    }

    @Test func cameraInsideABoxGetsTheConvergenceNearEnd() throws {
        let camera = Self.ring[0]
        let box = SceneBounds.box(min: [-100, -100, -50], max: [100, 100, 50])
        let range = try #require(DepthRange.of(camera, bounds: box, rigCameras: Self.ring))
        let converging = try #require(DepthRange.of(camera, bounds: nil, rigCameras: Self.ring))
        // Far: the farthest corner along the axis (the camera at x = 10 looks along -x).
        #expect(abs(range.far - 110) < 1e-9)
        // Near: not the box's (almost zero, 0.5 % of far) but the convergence estimate's.
        #expect(abs(range.near - converging.near) < 1e-9)
        #expect(range.near > 1)
    }

    @Test func withoutBoundsTheRangeSurroundsTheConvergencePoint() throws {
        for camera in Self.ring {
            let range = try #require(DepthRange.of(camera, bounds: nil, rigCameras: Self.ring))
            #expect(abs(range.near - (10 - 2 * Self.visibleRadius)) < 1e-6, "\(camera.name): near \(range.near)")
            #expect(abs(range.far - (10 + 2 * Self.visibleRadius)) < 1e-6, "\(camera.name): far \(range.far)")
            let narrow = try #require(DepthRange.of(camera, bounds: nil, rigCameras: Self.ring, radii: 1))
            #expect(abs(narrow.near - (10 - Self.visibleRadius)) < 1e-6 && abs(narrow.far - (10 + Self.visibleRadius)) < 1e-6)
        }
    }

    @Test func parallelAxesGiveNoRangeWithoutBounds() throws {
        let parallel = (0..<4).map { index in
            Camera.lookingAt([Double(index) * 2 - 3, 10, 0], from: [Double(index) * 2 - 3, 0, 0], name: "par\(index)",
                             size: Self.size, intrinsics: Self.intrinsics)
        }
        #expect(DepthRange.of(parallel[0], bounds: nil, rigCameras: parallel) == nil)
        // Bounds still give one.
        let range = try #require(DepthRange.of(parallel[0], bounds: .box(min: [-5, 4, -1], max: [5, 9, 1]), rigCameras: parallel))
        #expect(abs(range.near - 4) < 1e-9 && abs(range.far - 9) < 1e-9)
        // A single camera has no convergence either.
        #expect(DepthRange.of(Self.ring[0], bounds: nil, rigCameras: [Self.ring[0]]) == nil)
    }
}

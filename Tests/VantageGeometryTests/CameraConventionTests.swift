import Testing
@testable import VantageGeometry

/// The conventions stated in `Camera`'s doc comment, each checked directly.
struct CameraConventionTests {
    static let size = ImageSize(width: 640, height: 480)
    static let intrinsics = Intrinsics(fx: 500, fy: 510, cx: 319.5, cy: 239.5)

    /// A camera 10 m south of the origin at 2 m height, looking north at (0, 0, 2): world +x is
    /// image right and world +z is image up.
    static let northFacing = Camera.lookingAt([0, 0, 2], from: [0, -10, 2], name: "north", size: size, intrinsics: intrinsics)

    @Test func pixelZeroIsTheCentreOfTheTopLeftPixel() throws {
        // With cx = (W − 1)/2 the optical axis hits the image's geometric centre.
        let onAxis = try #require(Self.northFacing.project([0, 0, 2]))
        #expect(abs(onAxis.pixel.x - 319.5) < 1e-9 && abs(onAxis.pixel.y - 239.5) < 1e-9)
        #expect(Self.northFacing.contains(Vector2(-0.5, -0.5)))
        #expect(Self.northFacing.contains(Vector2(639.5, 479.5)))
        #expect(!Self.northFacing.contains(Vector2(-0.51, 0)))
        #expect(!Self.northFacing.contains(Vector2(639.51, 0)))
    }

    @Test func cameraAxesAreXRightYDownZForward() throws {
        let camera = Self.northFacing
        #expect(camera.forwardInWorld == Vector3(0, 1, 0))
        #expect((camera.upInWorld - Vector3(0, 0, 1)).length < 1e-12)
        let right = try #require(camera.project([1, 0, 2]))
        let above = try #require(camera.project([0, 0, 3]))
        #expect(right.pixel.x > 319.5 && abs(right.pixel.y - 239.5) < 1e-9)
        #expect(above.pixel.y < 239.5 && abs(above.pixel.x - 319.5) < 1e-9)
        #expect(camera.project([0, -11, 2]) == nil, "points behind the camera do not project")
    }

    @Test func camFromWorldMapsWorldPointsIntoTheCameraFrame() {
        let camera = Self.northFacing
        #expect((camera.centerInWorld - Vector3(0, -10, 2)).length < 1e-12)
        let inCam = camera.camFromWorld.apply([0, 0, 2])
        #expect((inCam - Vector3(0, 0, 10)).length < 1e-12)
        let back = camera.worldFromCam.apply(inCam)
        #expect((back - Vector3(0, 0, 2)).length < 1e-12)
        let composed = camera.camFromWorld ∘ camera.worldFromCam
        #expect((composed.apply([3, 4, 5]) - Vector3(3, 4, 5)).length < 1e-12)
    }

    @Test func depthIsAlongTheOpticalAxisNotTheRay() throws {
        let offAxis = Vector3(4, 0, 2)
        let projected = try #require(Self.northFacing.project(offAxis))
        #expect(abs(projected.depth - 10) < 1e-12)
        let back = try #require(Self.northFacing.unproject(projected.pixel, depth: projected.depth))
        #expect((back - offAxis).length < 1e-9)
    }

    @Test func projectAndUnprojectRoundTripWithDistortionAndSkew() throws {
        var camera = Self.northFacing
        camera.intrinsics.skew = 0.8
        camera.distortion = Distortion(k1: -0.28, k2: 0.09, p1: 0.001, p2: -0.0007, k3: -0.01)
        for x in stride(from: -3.0, through: 3.0, by: 1.5) {
            for z in stride(from: -0.5, through: 4.5, by: 1.25) {
                let point = Vector3(x, 1, z)
                let projected = try #require(camera.project(point))
                let back = try #require(camera.unproject(projected.pixel, depth: projected.depth))
                #expect((back - point).length < 1e-7, "round trip of \(point)")
                let ray = try #require(camera.rayInWorld(through: projected.pixel))
                #expect(Rotation.angle(between: ray, point - camera.centerInWorld) < 1e-8)
            }
        }
    }

    @Test func undistortMovesPixelsToWhereAnIdealPinholeWouldPutThem() throws {
        var distorted = Self.northFacing
        distorted.distortion = Distortion(k1: -0.3, k2: 0.1)
        let point = Vector3(3, 0, 4)
        let seen = try #require(distorted.project(point)).pixel
        let ideal = try #require(Self.northFacing.project(point)).pixel
        #expect((seen - ideal).length > 5, "barrel distortion pulls the corner in")
        let corrected = try #require(distorted.undistort(seen))
        #expect((corrected - ideal).length < 1e-6)
    }

    @Test func distortionFollowsOpenCVsFormula() {
        // Hand-evaluated: x = 0.2, y = -0.1, r² = 0.05.
        let d = Distortion(k1: 0.1, k2: 0.01, p1: 0.002, p2: 0.003, k3: 0.001)
        let radial = 1 + 0.1 * 0.05 + 0.01 * 0.0025 + 0.001 * 0.000125
        let expectedX = 0.2 * radial + 2 * 0.002 * (0.2 * -0.1) + 0.003 * (0.05 + 2 * 0.04)
        let expectedY = -0.1 * radial + 0.002 * (0.05 + 2 * 0.01) + 2 * 0.003 * (0.2 * -0.1)
        let out = d.distort(Vector2(0.2, -0.1))
        #expect(abs(out.x - expectedX) < 1e-15 && abs(out.y - expectedY) < 1e-15)
    }

    @Test func fieldOfViewAndFocalLengthAgree() {
        let intrinsics = Intrinsics(horizontalFieldOfView: .pi / 2, size: Self.size)
        #expect(abs(intrinsics.fx - 320) < 1e-9)
        #expect(abs(intrinsics.horizontalFieldOfView(width: 640) - .pi / 2) < 1e-12)
        #expect(intrinsics.cx == 319.5 && intrinsics.cy == 239.5)
    }

    @Test func quaternionsRoundTrip() {
        let rotation = Rotation.aboutZ(0.7) * Rotation.aboutY(-1.1) * Rotation.aboutX(2.5)
        let q = Rotation.quaternion(of: rotation)
        let back = Rotation.fromQuaternion(w: q.w, x: q.x, y: q.y, z: q.z)
        #expect((back * rotation.transposed).orthonormalityError < 1e-12)
        #expect(abs((back * rotation.transposed)[0, 0] - 1) < 1e-12)
    }

    @Test func imageSizeParsing() {
        #expect(ImageSize(parsing: "1280x720") == ImageSize(width: 1280, height: 720))
        #expect(ImageSize(parsing: "1920×1080") == ImageSize(width: 1920, height: 1080))
        #expect(ImageSize(parsing: "0x720") == nil)
        #expect(ImageSize(parsing: "1280") == nil)
    }
}

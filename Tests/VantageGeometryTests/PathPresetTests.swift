import Foundation
import Testing
@testable import VantageGeometry

@Suite struct PathPresetTests {
    @Test func orbitCirclesTheCentreAtConstantSpeedLookingAtIt() throws {
        let center: Vector3 = [10, -5, 0]
        let path = try CameraPath.orbit(center: center, radius: 40, height: 15, degrees: 270, seconds: 9,
                                        timing: ReplayTiming(start: 2, speed: 0), size: ImageSize(width: 640, height: 360))
        try path.validate(source: "orbit", bounds: try PathFixtures.stadiumRig().bounds)
        let frames = PathSampler(path).frames(fps: 30)
        #expect(frames.count == 271)
        for frame in frames {
            let offset = frame.position - center
            #expect(abs(Vector2(offset.x, offset.y).length - 40) < 40 * 2e-4, "radius within 0.02 %")
            #expect(abs(offset.z - 15) < 1e-9)
            let pixel = try #require(frame.camera.project(center)?.pixel)
            #expect((pixel - Vector2(319.5, 179.5)).length < 1, "the centre stays within a pixel of the image centre")
            #expect(frame.replaySeconds == 2, "bullet time")
        }
        let start = frames[0].position - center, end = frames[270].position - center
        #expect(abs(atan2(end.y, end.x) * 180 / .pi + 90) < 1e-6, "270° counter-clockwise from +x ends at −y")
        #expect(abs(start.x - 40) < 1e-9)
    }

    @Test func seatSitsInTheNamedStandLookingAtTheCentre() throws {
        let layout = StandLayout.stadiumSample
        #expect(layout.rows == 43 && layout.seats(in: .east) == 160 && layout.seats(in: .north) == 240)
        let front: Vector3 = [60.4, -39.75, 28.0 * 0.4 / 35 + 1.2], back: Vector3 = [-59.75, 74, 28.0 * 34 / 35 + 1.2]
        #expect((layout.eye(stand: .east, row: 1, seat: 1) - front).length < 1e-9, "row 1 seat 1: front left, facing −x")
        #expect((layout.eye(stand: .north, row: 43, seat: 240) - back).length < 1e-9, "last row, last seat: back right, facing −y")
        let path = try CameraPath.seat(stand: .east, row: 20, seat: 80, seconds: 5)
        try path.validate(source: "seat", bounds: try PathFixtures.stadiumRig().bounds)
        let eye = layout.eye(stand: .east, row: 20, seat: 80)
        for frame in PathSampler(path).frames(fps: 10) {
            #expect((frame.position - eye).length < 1e-12)
            #expect(Rotation.angle(between: frame.camera.forwardInWorld, -eye) < 1e-9)
        }
        // A look-around pans left first (counter-clockwise seen from above), then right.
        let around = try CameraPath.seat(stand: .south, row: 5, seat: 10, seconds: 8, lookAroundDegrees: 30)
        let sampler = PathSampler(around)
        let south = layout.eye(stand: .south, row: 5, seat: 10)
        let left = sampler.sample(atSeconds: 2).camera.forwardInWorld, ahead = (-south).normalized
        #expect(abs(Rotation.angle(between: Vector3(left.x, left.y, 0), Vector3(ahead.x, ahead.y, 0)) - 30 * .pi / 180) < 1e-6)
        #expect(Vector3(ahead.x, ahead.y, 0).cross(Vector3(left.x, left.y, 0)).z > 0)
    }

    @Test func flyPassesThroughTheRigCamerasPoses() throws {
        let rig = try PathFixtures.stadiumRig()
        let cameras = ["cam01", "cam02", "cam03", "cam04"].compactMap { rig.camera(named: $0)?.camera }
        let path = try CameraPath.fly(through: cameras, seconds: 6)
        try path.validate(source: "fly", bounds: rig.bounds)
        #expect(path.size == cameras[0].size)
        let sampler = PathSampler(path)
        for (camera, keyframe) in zip(cameras, path.keyframes) {
            let sample = sampler.sample(atSeconds: keyframe.time)
            #expect((sample.position - camera.centerInWorld).length < 1e-9)
            #expect(largestDifference(sample.camera.camFromWorld.rotation, camera.camFromWorld.rotation) < 1e-9)
            #expect(abs(sample.camera.intrinsics.fx - camera.intrinsics.fx) < 1e-6, "each camera's own field of view")
        }
    }

    @Test func badPresetArgumentsAreNamed() throws {
        let cases: [(() throws -> CameraPath, String)] = [
            ({ try CameraPath.orbit(center: [0, 0, 0], radius: -3, height: 10, degrees: 90, seconds: 4) }, "orbit: radius: expected a positive number of metres, found -3.0"),
            ({ try CameraPath.orbit(center: [0, 0, 0], radius: 30, height: 10, degrees: 0, seconds: 4) }, "orbit: degrees: expected a non-zero angle, found 0.0"),
            ({ try CameraPath.orbit(center: [0, 0, 0], radius: 30, height: 10, degrees: 90, seconds: 4, fieldOfViewDegrees: 180) },
             "orbit: fieldOfViewDegrees: expected degrees strictly between 0 and 180, found 180.0"),
            ({ try CameraPath.seat(stand: .east, row: 44, seat: 1, seconds: 4) }, "seat: row: expected a row from 1 to 43 in the east stand, found 44"),
            ({ try CameraPath.seat(stand: .north, row: 1, seat: 241, seconds: 4) }, "seat: seat: expected a seat from 1 to 240 in a row of the north stand, found 241"),
            ({ try CameraPath.seat(stand: .north, row: 1, seat: 1, seconds: 4, timing: ReplayTiming(start: -1)) }, "replay timing: start: expected seconds ≥ 0, found -1.0"),
            ({ try CameraPath.fly(through: [], seconds: 4) }, "fly: through: expected at least 2 cameras, found 0"),
        ]
        for (make, message) in cases {
            let error = try #require(inputError { try make() })
            #expect(error.description == message)
        }
    }
}

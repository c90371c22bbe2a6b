import Foundation
import Testing
@testable import VantageGeometry

@Suite struct PathInterpolationTests {
    @Test(arguments: [PathInterpolation.Orientation.squad, .slerp])
    func passesThroughEveryKeyframe(orientation: PathInterpolation.Orientation) throws {
        let path = PathFixtures.curvy(orientation: orientation)
        try path.validate(source: "curvy")
        let sampler = PathSampler(path)
        for (index, keyframe) in path.keyframes.enumerated() {
            let sample = sampler.sample(atSeconds: keyframe.time)
            #expect((sample.position - keyframe.position).length < 1e-9, "keyframe \(index)")
            #expect(largestDifference(sample.camera.camFromWorld.rotation, keyframe.camFromWorldRotation.matrix) < 1e-9, "keyframe \(index)")
            #expect(abs(sample.horizontalFieldOfViewDegrees - keyframe.horizontalFieldOfViewDegrees) < 1e-9)
            #expect(abs(sample.camera.intrinsics.horizontalFieldOfView(width: 640) * 180 / .pi - keyframe.horizontalFieldOfViewDegrees) < 1e-9)
            #expect(sample.replaySeconds == keyframe.time, "without a time map replay time is path time")
        }
    }

    @Test func constantSpeedStillPassesEveryKeyframeWithItsOrientation() throws {
        let sampler = PathSampler(PathFixtures.curvy(constantSpeed: true))
        let passTimes = sampler.passTimes
        #expect(passTimes.first == 0 && passTimes.last == sampler.duration)
        #expect(zip(passTimes, passTimes.dropFirst()).allSatisfy { $0 < $1 })
        for (keyframe, time) in zip(sampler.path.keyframes, passTimes) {
            let sample = sampler.sample(atSeconds: time)
            #expect((sample.position - keyframe.position).length < 1e-9)
            #expect(largestDifference(sample.camera.camFromWorld.rotation, keyframe.camFromWorldRotation.matrix) < 1e-9)
            #expect(abs(sample.horizontalFieldOfViewDegrees - keyframe.horizontalFieldOfViewDegrees) < 1e-9)
        }
    }

    /// One-sided differences with step h each differ from the true velocity by at most h·|a|/2
    /// (|a| the largest acceleration nearby, well under 1000 m/s² on this 6 s path of tens of
    /// metres) plus rounding (about 1e-14 m / h). With h = 1e-6 s the two sides of a C1 curve
    /// agree within 1e-3 m/s; a kink — a change of direction or speed at the keyframe — would
    /// differ by a sizeable fraction of the 5–20 m/s speeds here, hundreds of times more.
    @Test(arguments: [false, true])
    func velocityIsContinuousAcrossInteriorKeyframes(constantSpeed: Bool) {
        let sampler = PathSampler(PathFixtures.curvy(constantSpeed: constantSpeed))
        let h = 1e-6
        for time in sampler.passTimes.dropFirst().dropLast() {
            let here = sampler.sample(atSeconds: time).position
            let before = (here - sampler.sample(atSeconds: time - h).position) / h
            let after = (sampler.sample(atSeconds: time + h).position - here) / h
            #expect((before - after).length < 1e-3, "at \(time) s: \(before) vs \(after)")
            #expect(before.length > 1, "the camera is moving through the keyframe")
        }
    }

    @Test func constantSpeedKeepsTheSpeedWithinTwoPercent() {
        let sampler = PathSampler(PathFixtures.curvy(constantSpeed: true))
        let steps = 2000
        let dt = sampler.duration / Double(steps)
        let positions = (0...steps).map { sampler.sample(atSeconds: Double($0) * dt).position }
        let speeds = zip(positions, positions.dropFirst()).map { ($1 - $0).length / dt }
        let mean = sampler.length / sampler.duration
        let worst = speeds.map { abs($0 / mean - 1) }.max() ?? 1
        #expect(worst < 0.02, "speed varies by \(worst * 100) % around \(mean) m/s")
        // Keyframe timing alone (the default) is far from constant on this path.
        let timed = PathSampler(PathFixtures.curvy())
        let timedPositions = (0...steps).map { timed.sample(atSeconds: Double($0) * dt).position }
        let timedSpeeds = zip(timedPositions, timedPositions.dropFirst()).map { ($1 - $0).length / dt }
        #expect((timedSpeeds.max() ?? 0) / (timedSpeeds.min() ?? 1) > 1.5)
    }

    @Test(arguments: [PathInterpolation.Orientation.squad, .slerp])
    func orientationsAreUnitQuaternionsTurningTheShortWay(orientation: PathInterpolation.Orientation) throws {
        // Keyframe 1 is 40° about z from keyframe 0, given as the negated quaternion (the long way round).
        let start = Quaternion(Camera.lookingAt([0, 0, 0], from: [0, -30, 10], name: "", size: ImageSize(width: 2, height: 2),
                                                intrinsics: Intrinsics(fx: 1, fy: 1, cx: 0, cy: 0)).camFromWorld.rotation)
        let turn = Quaternion(Rotation.aboutZ(40 * .pi / 180))
        let keys = [start, -(start * turn), start * turn * turn, -(start * turn * turn * turn)]
        let path = CameraPath(name: "turn", interpolation: PathInterpolation(orientation: orientation),
                              keyframes: keys.enumerated().map {
                                  PathKeyframe(time: Double($0.offset), position: [Double($0.offset), -30, 10],
                                               camFromWorldQuaternion: $0.element, horizontalFieldOfViewDegrees: 50)
                              })
        try path.validate(source: "turn")
        let sampler = PathSampler(path)
        let orientations = OrientationSpline(keys, method: orientation)
        var swept = 0.0
        var previous = sampler.sample(atSeconds: 0).camera.camFromWorld.rotation
        for step in 1...300 {
            let time = Double(step) / 100
            let segment = min(Int(time), 2)
            let q = orientations.orientation(segment: segment, u: time - Double(segment))
            #expect(abs(q.norm - 1) < 1e-12)
            let rotation = sampler.sample(atSeconds: time).camera.camFromWorld.rotation
            let relative = rotation * previous.transposed
            swept += acos(min(1, max(-1, (relative[0, 0] + relative[1, 1] + relative[2, 2] - 1) / 2)))
            previous = rotation
        }
        // The short way is 3 × 40° = 120°; any segment taken the long way (320°) would add 280°.
        #expect(abs(swept * 180 / .pi - 120) < 0.5, "swept \(swept * 180 / .pi)°")
    }

    @Test func squadTurnsSmoothlyAcrossEvenlySpacedKeyframes() {
        // Evenly spaced keyframes turning about z by growing angles: SLERP's turning rate jumps at
        // keyframe 1, SQUAD's does not.
        let angles = [0.0, 10, 40, 90].map { $0 * .pi / 180 }
        let keys = angles.map { Quaternion(Rotation.aboutZ($0)) }
        func rate(_ method: PathInterpolation.Orientation, _ segment: Int, _ u: Double) -> Double {
            let spline = OrientationSpline(keys, method: method)
            let h = 1e-6
            let a = spline.orientation(segment: segment, u: u).matrix, b = spline.orientation(segment: segment, u: u + h).matrix
            return Rotation.angle(between: a * Vector3(1, 0, 0), b * Vector3(1, 0, 0)) / h
        }
        let squadJump = abs(rate(.squad, 0, 1 - 1e-6) - rate(.squad, 1, 0))
        let slerpJump = abs(rate(.slerp, 0, 1 - 1e-6) - rate(.slerp, 1, 0))
        #expect(squadJump < 1e-3, "SQUAD turning rate jumps by \(squadJump) rad per segment")
        #expect(slerpJump > 0.3, "SLERP turning rate jumps from 10° to 30° per segment (0.35 rad)")
    }

    @Test func fieldOfViewNeverOvershootsItsKeyframes() {
        let sampler = PathSampler(PathFixtures.curvy())
        for step in 0...600 {
            let sample = sampler.sample(atSeconds: Double(step) / 100)
            #expect(sample.horizontalFieldOfViewDegrees >= 40 - 1e-9 && sample.horizontalFieldOfViewDegrees <= 60 + 1e-9)
        }
    }

    @Test func framesAreEvenlySpacedAndCountedExactly() {
        let sampler = PathSampler(PathFixtures.curvy())
        let frames = sampler.frames(fps: 30, size: ImageSize(width: 320, height: 180))
        #expect(frames.count == 181, "6 s at 30 fps: frames 0 … 180")
        #expect(frames.enumerated().allSatisfy { $0.element.time == Double($0.offset) / 30 })
        #expect(frames.allSatisfy { $0.camera.size == ImageSize(width: 320, height: 180) })
        #expect(PathSampler.frameCount(duration: 4, fps: 30) == 121)
        #expect(PathSampler.frameCount(duration: 0.1, fps: 25) == 3)
        #expect(sampler.frames(fps: 30, size: ImageSize(width: 320, height: 180)) == frames, "deterministic")
        #expect(sampler.size == ImageSize(width: 640, height: 360), "the path's size hint")
    }
}

import Foundation
@testable import VantageGeometry

/// Paths shared by the camera-path tests.
enum PathFixtures {
    /// Five keyframes, unevenly spaced in time and distance, mixing look-at and quaternion
    /// orientations, with a varying field of view and a roll at keyframe 2.
    static func curvy(constantSpeed: Bool = false, orientation: PathInterpolation.Orientation = .squad,
                      timeMap: [TimeMapPoint]? = nil) -> CameraPath {
        let rolled = Quaternion(Rotation.aboutZ(0.2) * Camera.lookingAt([0, 0, 0], from: [30, 0, 8], name: "", size: ImageSize(width: 2, height: 2),
                                                                        intrinsics: Intrinsics(fx: 1, fy: 1, cx: 0, cy: 0)).camFromWorld.rotation)
        return CameraPath(
            name: "curvy", size: ImageSize(width: 640, height: 360),
            interpolation: PathInterpolation(orientation: orientation, constantSpeed: constantSpeed), timeMap: timeMap,
            keyframes: [
                PathKeyframe(time: 0, position: [0, -30, 10], lookAt: [0, 0, 0], horizontalFieldOfViewDegrees: 50),
                PathKeyframe(time: 1.5, position: [20, -20, 12], lookAt: [0, 0, 1], horizontalFieldOfViewDegrees: 40),
                PathKeyframe(time: 2.5, position: [30, 0, 8], camFromWorldQuaternion: rolled, horizontalFieldOfViewDegrees: 60),
                PathKeyframe(time: 4, position: [10, 25, 15], lookAt: [0, 5, 0], horizontalFieldOfViewDegrees: 55),
                PathKeyframe(time: 6, position: [-20, 20, 5], lookAt: [0, 0, 0], up: [0, 0.1, 1], horizontalFieldOfViewDegrees: 45),
            ])
    }

    /// The package root, for committed samples and schemas.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The stadium sample's rig (the same as `Samples/stadium/rig.json`), with a bounds box.
    static func stadiumRig() throws -> Rig { try RigFile.read(from: packageRoot.appendingPathComponent("Calibration/stadium.json")) }
}

/// Largest absolute difference between two rotation matrices' entries.
func largestDifference(_ a: Matrix3, _ b: Matrix3) -> Double {
    var worst = 0.0
    for r in 0..<3 { for c in 0..<3 { worst = max(worst, abs(a[r, c] - b[r, c])) } }
    return worst
}

import Foundation

/// MPEG-I (OMAF) axes and Euler angles, as used by the TMIV / RVS camera JSON.
///
/// - World and camera axes: x forward, y left, z up (right-handed). The world needs no change
///   (it is already z-up); the camera frame maps to OpenCV's by `x_cv = −y, y_cv = −z, z_cv = x`.
/// - `Rotation: [yaw, pitch, roll]` in degrees gives the camera's orientation in the world,
///   `worldFromCam = Rz(yaw)·Ry(pitch)·Rx(roll)` with right-handed elementary rotations — the
///   composition of MPEG's `VSRS_to_JSON.m` converter (`rotz(yaw)*roty(pitch)*rotx(roll)`).
///   So yaw turns the optical axis (+x) towards +y (left), positive pitch tilts it towards −z
///   (down), and roll turns the image about the optical axis.
enum OMAF {
    /// Rotation taking OMAF camera coordinates to OpenCV camera coordinates.
    static let openCVFromOMAFCam = Matrix3(rows: [0, -1, 0], [0, 0, -1], [1, 0, 0])

    /// Yaw, pitch and roll in degrees to the OpenCV-axes `camFromWorld` rotation.
    static func camFromWorldRotation(yaw: Double, pitch: Double, roll: Double) -> Matrix3 {
        let radians = Double.pi / 180
        let worldFromCam = Rotation.aboutZ(yaw * radians) * Rotation.aboutY(pitch * radians) * Rotation.aboutX(roll * radians)
        return openCVFromOMAFCam * worldFromCam.transposed
    }

    /// Yaw, pitch, roll in degrees (pitch in [−90, 90]) of an OpenCV-axes `camFromWorld` rotation;
    /// at pitch ±90° (looking straight down or up) roll is 0 and yaw takes the whole turn.
    static func angles(ofCamFromWorld camFromWorld: Matrix3) -> (yaw: Double, pitch: Double, roll: Double) {
        let r = (openCVFromOMAFCam.transposed * camFromWorld).transposed  // worldFromCam, OMAF axes
        let cosPitch = (r[0, 0] * r[0, 0] + r[1, 0] * r[1, 0]).squareRoot()
        let degrees = 180 / Double.pi
        if cosPitch < 1e-12 {
            return (atan2(-r[0, 1], r[1, 1]) * degrees, atan2(-r[2, 0], cosPitch) * degrees, 0)
        }
        return (atan2(r[1, 0], r[0, 0]) * degrees, atan2(-r[2, 0], cosPitch) * degrees, atan2(r[2, 1], r[2, 2]) * degrees)
    }

    /// OMAF world coordinates are Vantage's: no conversion of positions.
    static let worldNote = "MPEG OMAF world axes: x forward, y left, z up"
}

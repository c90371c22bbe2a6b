import Foundation

/// Writes a rig as MPEG immersive video camera JSON (TMIV / RVS "Version": "4.0"; read back by
/// `MPEGImporter`, whose doc comment gives the conventions): OMAF axes, angles in degrees,
/// principal point in TMIV's pixel coordinates (+0.5).
///
/// The format holds only undistorted, skew-free pinhole cameras: a camera with lens distortion
/// or skew is an error rather than silently dropped, since dropping it would move every pixel
/// away from the centre — undistort the media first. `Depth_range` (required by TMIV) comes from
/// the rig's bounds: a depth range as is, or a box's nearest and farthest corner depth per
/// camera; a rig without bounds is an error. Content properties a rig does not know (`Fps`,
/// `Frames_number`, bit depths, colour spaces) are left out for the user to add.
public enum MPEGCameraJSON {
    public static let version = "4.0"

    public static func encode(_ rig: Rig) throws -> String {
        guard let bounds = rig.bounds else {
            throw InputError(rig.name, at: "bounds", "MPEG camera JSON needs a depth range (Depth_range); give the rig bounds")
        }
        let cameras = try rig.cameras.enumerated().map { index, member -> JSONValue in
            let camera = member.camera
            func fail(_ field: String, _ message: String) -> InputError {
                InputError(rig.name, at: "cameras[\(index)] (\(camera.name)).\(field)", message)
            }
            guard camera.distortion.isNone else {
                throw fail("distortion", "MPEG camera JSON cannot hold lens distortion \(camera.distortion.coefficients); undistort first")
            }
            guard camera.intrinsics.skew == 0 else {
                throw fail("intrinsics.skew", "MPEG camera JSON cannot hold skew (\(camera.intrinsics.skew))")
            }
            guard let (near, far) = depthRange(of: camera, bounds: bounds) else {
                throw fail("camFromWorld", "the rig's bounds box lies behind this camera; no depth range to write")
            }
            let (yaw, pitch, roll) = OMAF.angles(ofCamFromWorld: camera.camFromWorld.rotation)
            let c = camera.centerInWorld
            return .object([
                ("Name", .string(camera.name)),
                ("Position", numbers([c.x, c.y, c.z])),
                ("Rotation", numbers([yaw, pitch, roll])),
                ("Depth_range", numbers([near, far])),
                ("Resolution", .array([.int(Int64(camera.size.width)), .int(Int64(camera.size.height))])),
                ("Projection", .string("Perspective")),
                ("Focal", numbers([camera.intrinsics.fx, camera.intrinsics.fy])),
                ("Principle_point", numbers([camera.intrinsics.cx + 0.5, camera.intrinsics.cy + 0.5])),
            ])
        }
        return JSONValue.object([("Version", .string(version)), ("Content_name", .string(rig.name)),
                                 ("cameras", .array(cameras))]).serialized()
    }

    private static func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

    /// Near and far depth for one camera, or `nil` when the bounds give none in front of it.
    private static func depthRange(of camera: Camera, bounds: SceneBounds) -> (Double, Double)? {
        switch bounds {
        case let .depthRange(near, far): return (near, far)
        case let .box(min, max):
            let depths = (0..<8).map { corner in
                camera.camFromWorld.apply(Vector3(corner & 1 == 0 ? min.x : max.x, corner & 2 == 0 ? min.y : max.y,
                                                  corner & 4 == 0 ? min.z : max.z)).z
            }
            let far = depths.max()!
            guard far > 0 else { return nil }
            return (Swift.max(depths.min()!, far * 1e-3), far)
        }
    }
}

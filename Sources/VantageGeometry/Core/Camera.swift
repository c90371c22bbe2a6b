/// A calibrated camera: pinhole intrinsics, OpenCV lens distortion, image size and pose.
///
/// Conventions (tested in `CameraConventionTests`):
/// - **World**: right-handed, metres, Z up; the pitch is the plane z = 0.
/// - **Camera frame**: OpenCV — x right, y down, z forward (along the optical axis).
/// - **Pose**: `camFromWorld` maps world points into the camera frame,
///   `x_cam = R·x_world + t`; the camera centre in the world is `−Rᵀ·t`.
/// - **Pixels**: (u, v) with u to the right and v down; pixel (0, 0) is the **centre** of the
///   top-left pixel, so the image spans [−0.5, width − 0.5] × [−0.5, height − 0.5] and its
///   geometric centre is ((width − 1)/2, (height − 1)/2). This is OpenCV's convention; COLMAP,
///   NeRF and instant-ngp put the top-left pixel's centre at (0.5, 0.5) and importers shift by −0.5.
/// - **Depth** is the z coordinate in the camera frame (distance along the optical axis), not
///   the distance along the ray.
public struct Camera: Equatable, Sendable {
    public var name: String
    public var size: ImageSize
    public var intrinsics: Intrinsics
    public var distortion: Distortion
    public var camFromWorld: RigidTransform

    public init(name: String, size: ImageSize, intrinsics: Intrinsics, distortion: Distortion = .none,
                camFromWorld: RigidTransform) {
        self.name = name
        self.size = size
        self.intrinsics = intrinsics
        self.distortion = distortion
        self.camFromWorld = camFromWorld
    }

    public var worldFromCam: RigidTransform { camFromWorld.inverse }

    /// The camera centre in world coordinates.
    public var centerInWorld: Vector3 { -(camFromWorld.rotation.transposed * camFromWorld.translation) }

    /// Unit direction of the optical axis (+z of the camera) in world coordinates.
    public var forwardInWorld: Vector3 { camFromWorld.rotation.rows.2 }

    /// Unit direction of image "up" (−y of the camera) in world coordinates.
    public var upInWorld: Vector3 { -camFromWorld.rotation.rows.1 }

    /// Pixel of a normalized, undistorted image-plane point (x/z, y/z in the camera frame).
    public func pixel(ofNormalized p: Vector2) -> Vector2 {
        let d = distortion.distort(p)
        return Vector2(intrinsics.fx * d.x + intrinsics.skew * d.y + intrinsics.cx,
                       intrinsics.fy * d.y + intrinsics.cy)
    }

    /// Normalized, undistorted image-plane point of a pixel; `nil` where the distortion model
    /// cannot be inverted.
    public func normalized(ofPixel pixel: Vector2) -> Vector2? {
        let y = (pixel.y - intrinsics.cy) / intrinsics.fy
        let x = (pixel.x - intrinsics.cx - intrinsics.skew * y) / intrinsics.fx
        return distortion.undistort(Vector2(x, y))
    }

    /// The pixel where a world point appears and its depth; `nil` for points at or behind the
    /// camera plane. The pixel may lie outside the image: check with `contains`.
    public func project(_ pointInWorld: Vector3) -> (pixel: Vector2, depth: Double)? {
        let pointInCam = camFromWorld.apply(pointInWorld)
        guard pointInCam.z > 1e-12 else { return nil }
        return (pixel(ofNormalized: Vector2(pointInCam.x, pointInCam.y) / pointInCam.z), pointInCam.z)
    }

    /// The world point seen at `pixel` at `depth` along the optical axis.
    public func unproject(_ pixel: Vector2, depth: Double) -> Vector3? {
        guard let n = normalized(ofPixel: pixel) else { return nil }
        return worldFromCam.apply(Vector3(n.x, n.y, 1) * depth)
    }

    /// Unit direction, in world coordinates, of the ray through `pixel`.
    public func rayInWorld(through pixel: Vector2) -> Vector3? {
        guard let n = normalized(ofPixel: pixel) else { return nil }
        return (camFromWorld.rotation.transposed * Vector3(n.x, n.y, 1)).normalized
    }

    /// Where `pixel` would be if the lens had no distortion (same intrinsics).
    public func undistort(_ pixel: Vector2) -> Vector2? {
        guard let n = normalized(ofPixel: pixel) else { return nil }
        return Vector2(intrinsics.fx * n.x + intrinsics.skew * n.y + intrinsics.cx,
                       intrinsics.fy * n.y + intrinsics.cy)
    }

    /// Whether a pixel position lies on the image (pixel centres at integers, edges at ±0.5).
    public func contains(_ pixel: Vector2) -> Bool {
        pixel.x >= -0.5 && pixel.y >= -0.5 && pixel.x <= Double(size.width) - 0.5
            && pixel.y <= Double(size.height) - 0.5
    }

    /// A camera at `centerInWorld` whose optical axis points at `target`, with image "up" as close
    /// to `up` as possible.
    public static func lookingAt(_ target: Vector3, from centerInWorld: Vector3, up: Vector3 = [0, 0, 1],
                                 name: String, size: ImageSize, intrinsics: Intrinsics) -> Camera {
        let forward = (target - centerInWorld).normalized
        var right = forward.cross(up)
        if right.length < 1e-9 { right = forward.cross([0, 1, 0]) }
        right = right.normalized
        let down = forward.cross(right)
        let rotation = Matrix3(rows: right, down, forward)
        return Camera(name: name, size: size, intrinsics: intrinsics,
                      camFromWorld: RigidTransform(rotation: rotation, mapping: centerInWorld))
    }
}

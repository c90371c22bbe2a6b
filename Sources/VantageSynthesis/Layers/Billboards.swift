import VantageGeometry
import VantageMedia

/// Depth for foreground blobs of a sports scene: each blob is an upright billboard standing on the
/// ground where its lowest pixel touches it, turned to face the camera. Stereo between cameras
/// tens of degrees apart rarely matches a player a few dozen pixels tall; the ground contact
/// point is far more reliable, and a billboard is what broadcast free-viewpoint systems use.
enum Billboards {
    /// Confidence given to billboard depth.
    static let confidence: Float = 0.6

    /// `depth` with the pixels of every blob replaced by its billboard's depth (blobs whose foot
    /// does not meet the ground in front of the camera keep their depth).
    static func apply(_ blobs: ForegroundBlobs, to estimate: DepthEstimate, camera: Camera, groundHeight: Double) -> DepthEstimate {
        let centre = camera.centerInWorld
        // Per blob: the billboard plane n·X = n·foot, n horizontal and pointing at the camera.
        let planes = blobs.feet.map { foot -> (normal: Vector3, offset: Double)? in
            guard let ray = camera.rayInWorld(through: Vector2(Double(foot.x), Double(foot.y))), ray.z < -1e-6 else { return nil }
            let t = (groundHeight - centre.z) / ray.z
            let footPoint = centre + ray * t
            var normal = centre - footPoint
            normal.z = 0
            guard t > 0, normal.length > 1e-6 else { return nil }
            normal = normal.normalized
            return (normal, normal.dot(footPoint))
        }
        var result = estimate
        var foreground = [Bool](repeating: false, count: blobs.label.count)
        let width = camera.size.width
        for pixel in blobs.label.indices {
            let blob = Int(blobs.label[pixel])
            guard blob >= 0, let plane = planes[blob],
                  let ray = camera.rayInWorld(through: Vector2(Double(pixel % width), Double(pixel / width))) else { continue }
            let along = plane.normal.dot(ray)
            guard abs(along) > 1e-9 else { continue }
            let t = (plane.offset - plane.normal.dot(centre)) / along
            guard t > 0 else { continue }
            result.depth.values[pixel] = Float(camera.camFromWorld.apply(centre + ray * t).z)
            result.confidence[pixel] = confidence
            foreground[pixel] = true
        }
        result.foreground = foreground
        return result
    }
}

import VantageGeometry
import VantageMedia

/// One source camera's frame at one moment, ready for synthesis.
///
/// The camera is always an ideal pinhole (no lens distortion): frames from distorted lenses are
/// resampled by `Undistorter` when they are loaded, so every kernel can use plain projective maths.
public struct SourceView: Sendable {
    public let camera: Camera
    /// Colour in [0, 1], the camera's full size.
    public let image: PlanarFloatImage
    /// Per-pixel share of the pixel covered by scene content (an image's alpha), row-major; `nil`
    /// when the whole frame is content. Pixels with zero coverage show only the backdrop.
    public let coverage: [Float]?

    public init(camera: Camera, image: PlanarFloatImage, coverage: [Float]? = nil) {
        precondition(camera.distortion.isNone, "SourceView needs an undistorted camera (\(camera.name))")
        precondition(image.width == camera.size.width && image.height == camera.size.height,
                     "SourceView image \(image.width)x\(image.height) does not match camera \(camera.name) \(camera.size)")
        precondition(coverage.map { $0.count == image.width * image.height } ?? true,
                     "SourceView coverage must have one value per pixel")
        self.camera = camera
        self.image = image
        self.coverage = coverage
    }

    public var name: String { camera.name }
}

import VantageGeometry
import VantageMedia

/// How a camera path becomes a clip: its size, frame rate and H.264 settings. `validate()`
/// throws before any frame is rendered.
public struct HighlightOptions: Sendable, Equatable {
    /// Frame size; default: the path's own size hint, else 1280×720. Even sides (4:2:0 chroma).
    public var size: ImageSize?
    /// Frames per second of the clip.
    public var framesPerSecond: Int = 25
    /// libx264 constant rate factor, 0…51, used when `bitrate` is nil; 18 is visually lossless.
    public var crf: Double = 18
    /// Target bitrate in bits per second; replaces `crf`.
    public var bitrate: Int?
    /// libx264 preset, one of `VideoWriterOptions.x264Presets`.
    public var preset: String = "medium"

    public init() {}

    /// The size of `path`'s frames under these options.
    public func frameSize(for path: CameraPath) -> ImageSize { size ?? path.size ?? PathSampler.defaultSize }

    /// The writer's settings for `path`'s frames; throws `.invalidOption` naming the field.
    public func writerOptions(for path: CameraPath, destination: String) throws(MediaError) -> VideoWriterOptions {
        guard (1...120).contains(framesPerSecond) else {
            throw .invalidOption(source: destination, option: "frame rate \(framesPerSecond)", expected: "1...120 frames per second")
        }
        let size = frameSize(for: path)
        let options = VideoWriterOptions(width: size.width, height: size.height, frameRate: MediaRational(Int32(framesPerSecond), 1),
                                         crf: crf, preset: preset, bitrate: bitrate, gopSize: 2 * framesPerSecond)
        try options.validate(for: destination)
        return options
    }
}

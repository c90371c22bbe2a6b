import VantageGeometry
import VantageMedia

/// A session's frame, encoded for the wire.
struct EncodedViewFrame: Sendable {
    var bytes: [UInt8]
    /// `jpeg`, or the WebCodecs codec string of an H.264 access unit (e.g. `avc1.42c01f`).
    var codec: String
    /// Decodable on its own (always so for JPEG).
    var isKeyframe: Bool
}

/// Encodes one session's frames. A session renders one frame at a time, so an encoder is only
/// ever used by one render job at a time, on the render thread; implementations with state are
/// `@unchecked Sendable` on that ground.
protocol ViewEncoder: AnyObject, Sendable {
    /// The size to render for a requested one (a codec may need, say, even sides).
    func frameSize(for size: ImageSize) -> ImageSize
    /// `moving`: the camera is moving, the frame is a small one and may be coded more coarsely.
    /// `timestampMicroseconds`: the frame's time in the session, increasing.
    func encode(_ image: RGBImage, moving: Bool, timestampMicroseconds: Int64) throws -> EncodedViewFrame
}

extension ViewEncoder {
    func frameSize(for size: ImageSize) -> ImageSize { size }
}

/// JPEG frames: each one a picture of its own; quality 70 while moving, 85 at rest.
final class JPEGViewEncoder: ViewEncoder {
    func encode(_ image: RGBImage, moving: Bool, timestampMicroseconds: Int64) throws -> EncodedViewFrame {
        let encoding = try ImageEncoding(format: "jpeg", quality: moving ? 70 : 85)
        let bytes = try ImageIO.encode(image, as: .jpeg, jpegQScale: encoding.jpegQScale, source: "session frame")
        return EncodedViewFrame(bytes: bytes, codec: "jpeg", isKeyframe: true)
    }
}

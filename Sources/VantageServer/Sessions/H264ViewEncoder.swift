import VantageGeometry
import VantageMedia

/// H.264 access units for the browser's WebCodecs decoder: one `LiveVideoEncoder` per session
/// (zerolatency, no B-frames, one unit out per frame in). A frame of another size (moving ↔ at
/// rest) reopens the encoder, and its unit is a keyframe with new parameter sets and codec
/// string, which the client takes as a new decoder configuration.
///
/// `@unchecked Sendable`: the session renders one frame at a time, so only one render job at a
/// time touches the encoder (see `ViewEncoder`).
final class H264ViewEncoder: ViewEncoder, @unchecked Sendable {
    private var encoder: LiveVideoEncoder?

    /// 4:2:0 chroma needs even sides.
    func frameSize(for size: ImageSize) -> ImageSize {
        ImageSize(width: max(2, size.width & ~1), height: max(2, size.height & ~1))
    }

    func encode(_ image: RGBImage, moving: Bool, timestampMicroseconds: Int64) throws -> EncodedViewFrame {
        let encoder = try self.encoder ?? LiveVideoEncoder(
            options: LiveVideoEncoderOptions(width: image.width, height: image.height, frameRate: MediaRational(25, 1)),
            name: "session H.264 stream")
        self.encoder = encoder
        let unit = try encoder.encode(image, timestampMicroseconds: timestampMicroseconds)
        return EncodedViewFrame(bytes: unit.bytes, codec: unit.codecString, isKeyframe: unit.isKeyframe)
    }
}

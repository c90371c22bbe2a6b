import VantageMedia

/// An MPEG-TS stream of H.264 for one `GET /api/stream.ts`: each frame in, the stream's bytes
/// for it out. Its frames are encoded on the render thread, one render job at a time, so one
/// job at a time touches it (hence `@unchecked Sendable`).
final class TransportStreamEncoder: @unchecked Sendable {
    /// What the writer's sink has handed out since it was last taken.
    private final class Chunks {
        var bytes: [UInt8] = []
    }

    private let chunks = Chunks()
    private let writer: StreamWriter

    init(width: Int, height: Int, framesPerSecond: Int) throws(MediaError) {
        let chunks = chunks
        var options = LiveVideoEncoderOptions(width: width, height: height, frameRate: MediaRational(Int32(framesPerSecond), 1))
        options.gopSize = framesPerSecond  // a player joining or recovering waits at most a second
        writer = try StreamWriter(container: .mpegTS, options: options, name: "MPEG-TS stream") { chunks.bytes += $0 }
    }

    /// Encodes `image` and returns the stream's bytes it produced.
    func append(_ image: RGBImage) throws(MediaError) -> [UInt8] {
        try writer.append(image)
        return take()
    }

    /// Flushes the encoder and returns the stream's last bytes.
    func finish() throws(MediaError) -> [UInt8] {
        try writer.finish()
        return take()
    }

    private func take() -> [UInt8] {
        defer { chunks.bytes = [] }
        return chunks.bytes
    }
}

import Foundation
import Testing
import VantageMedia

/// A fresh directory under the system temporary folder, deleted when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        // Every test that writes media makes one of these: keep libx264's statistics out of the log.
        FFmpegLog.setLevel(.error)
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vantage-media-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Names of the files inside, hidden ones included.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Decodes every remaining frame of `reader`.
func decodeAll(_ reader: MediaReader) throws -> [DecodedFrame] {
    var frames: [DecodedFrame] = []
    while let frame = try reader.nextFrame() { frames.append(frame) }
    return frames
}

/// Writes `count` frames of `TestPattern.movingTexture` and returns the source images.
@discardableResult
func writePatternClip(to path: String, options: VideoWriterOptions, count: Int, container: ContainerFormat? = nil) throws -> [RGBImage] {
    let writer = try VideoWriter(path: path, options: options, container: container)
    let images = (0..<count).map { TestPattern.movingTexture(width: options.width, height: options.height, frameIndex: $0) }
    for image in images { try writer.append(image) }
    try writer.finish()
    return images
}

/// Every remaining packet of `reader`.
func readAll(_ reader: PacketReader) throws -> [EncodedPacket] {
    var packets: [EncodedPacket] = []
    while let packet = try reader.nextPacket() { packets.append(packet) }
    return packets
}

/// Decodes `packets` in order with `decoder`, then flushes it.
func decodeAll(_ packets: [EncodedPacket], with decoder: PacketDecoder) throws -> [DecodedFrame] {
    var frames: [DecodedFrame] = []
    for packet in packets { frames += try decoder.decode(packet) }
    return frames + (try decoder.flush())
}

/// Expects the same frames: count, timestamps, times, pixel formats and RGB pixels.
func expectSameFrames(_ frames: [DecodedFrame], _ expected: [DecodedFrame],
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(frames.count == expected.count, sourceLocation: sourceLocation)
    #expect(frames.map(\.timestamp) == expected.map(\.timestamp), sourceLocation: sourceLocation)
    #expect(frames.map(\.microseconds) == expected.map(\.microseconds), sourceLocation: sourceLocation)
    #expect(frames.map(\.seconds) == expected.map(\.seconds), sourceLocation: sourceLocation)
    let converter = PixelConverter()
    for (index, (frame, reference)) in zip(frames, expected).enumerated() {
        #expect(frame.pixelFormatName == reference.pixelFormatName, "frame \(index)", sourceLocation: sourceLocation)
        let samePixels = try converter.rgbImage(from: frame) == converter.rgbImage(from: reference)
        #expect(samePixels, "frame \(index): RGB pixels differ", sourceLocation: sourceLocation)
    }
}

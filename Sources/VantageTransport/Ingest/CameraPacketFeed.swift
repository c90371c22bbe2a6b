import Foundation
import VantageGeometry
import VantageMedia

/// One rig camera's media read as frames ready to publish: compressed packets passed through
/// untouched (the normal case), or decoded to raw RGB planes (`raw`), with capture times on the
/// rig clock. Frames the camera cannot time are counted in `untimedFrames` and skipped.
final class CameraPacketFeed {
    let rig: String
    let camera: String
    let source: String
    private let clock: CaptureClock
    private let reader: Reader
    /// Frames skipped because no capture time could be given to them.
    private(set) var untimedFrames = 0

    private enum Reader {
        case packets(PacketReader)
        case decoded(MediaReader, PixelConverter)
    }

    init(rig: String, camera: RigCamera, rigDirectory: URL, raw: Bool) throws(TransportError) {
        let name = camera.camera.name
        guard let media = camera.media else {
            throw TransportError(.source, "camera \(name) has no media in the rig")
        }
        self.rig = rig
        self.camera = name
        source = media.resolvedLocation(rigDirectory: rigDirectory)
        do {
            if raw {
                let reader = try MediaReader(source)
                self.reader = .decoded(reader, PixelConverter())
                clock = try CaptureClock(media: media, framesPerSecond: reader.info.framesPerSecond)
            } else {
                let reader = try PacketReader(source)
                self.reader = .packets(reader)
                clock = try CaptureClock(media: media, framesPerSecond: reader.info.framesPerSecond)
            }
        } catch {
            // A MediaError naming the file, or an InputError naming the timestamp file's line.
            throw TransportError(.source, "camera \(name): \(error)")
        }
    }

    /// The next frame with its header (stream id and sequence are the publisher's to fill in),
    /// or nil at the end of the media.
    func next() throws(TransportError) -> WireFrame? {
        do {
            while true {
                switch reader {
                case let .packets(reader):
                    guard let packet = try reader.nextPacket() else { return nil }
                    if let frame = frame(of: packet, reader) { return frame }
                case let .decoded(reader, converter):
                    guard let decoded = try reader.nextFrame() else { return nil }
                    if let frame = try frame(of: decoded, converter, timeBase: reader.info.timeBase) { return frame }
                }
                untimedFrames += 1
            }
        } catch {
            throw TransportError(.source, "camera \(camera): \(error)")
        }
    }

    private func frame(of packet: EncodedPacket, _ reader: PacketReader) -> WireFrame? {
        guard let timestamp = packet.presentationTimestamp ?? packet.decodeTimestamp,
              let capture = clock.captureMicroseconds(streamMicroseconds: reader.clock.microsecondsFromStart(timestamp)) else { return nil }
        return WireFrame(rig: rig, camera: camera, captureMicroseconds: capture, packet: packet, parameters: reader.codecParameters)
    }

    private func frame(of decoded: DecodedFrame, _ converter: PixelConverter, timeBase: MediaRational) throws(MediaError) -> WireFrame? {
        guard let capture = clock.captureMicroseconds(streamMicroseconds: decoded.microseconds) else { return nil }
        let image = try converter.rgbImage(from: decoded)
        let header = FrameHeader(
            rig: rig, camera: camera, streamID: 0, sequence: 0, captureMicroseconds: capture,
            presentationTimestamp: decoded.timestamp, decodeTimestamp: nil, duration: 0, timeBase: timeBase,
            isKeyframe: true, width: image.width, height: image.height, pixelFormatName: "rgb24",
            payload: .raw(planes: [RawPlane(bytesPerRow: image.rowStride, rows: image.height)]),
            payloadLength: image.pixels.count)
        return WireFrame(header: header, payload: image.pixels)
    }
}

import Foundation
import VantageMedia
import VantageTransport

/// A fresh folder under the system temporary folder, deleted when released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-replay-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Where a store lives inside the folder (not created).
    var store: URL { url.appendingPathComponent("store") }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Frames built by hand, as a publisher would send them.
enum TestFrames {
    /// A raw rgb24 frame whose pixels depend on `sequence`, so that every frame differs.
    static func raw(camera: String = "cam01", sequence: UInt64, captureMicroseconds: Int64,
                    width: Int = 8, height: Int = 4) -> WireFrame {
        let pixels = (0..<width * height * 3).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(sequence) &* 13) }
        let header = FrameHeader(
            rig: "test-rig", camera: camera, streamID: 42, sequence: sequence, captureMicroseconds: captureMicroseconds,
            presentationTimestamp: Int64(sequence), decodeTimestamp: Int64(sequence), duration: 1,
            timeBase: MediaRational(1, 30), isKeyframe: true, width: width, height: height, pixelFormatName: "rgb24",
            payload: .raw(planes: [RawPlane(bytesPerRow: width * 3, rows: height)]), payloadLength: pixels.count)
        return WireFrame(header: header, payload: pixels)
    }

    /// A "compressed" frame with made-up bytes: keyframes carry codec parameters, others only the codec name.
    static func compressed(camera: String = "cam01", sequence: UInt64, captureMicroseconds: Int64,
                           isKeyframe: Bool, payloadBytes: Int = 200) -> WireFrame {
        let payload = (0..<payloadBytes).map { UInt8(truncatingIfNeeded: $0 &+ Int(sequence) &* 31) }
        let parameters = CodecParameters(codecName: "h264", extradata: [1, 100, 0, 31, 255], width: 64, height: 48,
                                         pixelFormatName: "yuv420p", timeBase: MediaRational(1, 90_000))
        let header = FrameHeader(
            rig: "test-rig", camera: camera, streamID: 7, sequence: sequence, captureMicroseconds: captureMicroseconds,
            presentationTimestamp: Int64(sequence) * 3000, decodeTimestamp: Int64(sequence) * 3000, duration: 3000,
            timeBase: MediaRational(1, 90_000), isKeyframe: isKeyframe, width: 64, height: 48, pixelFormatName: "yuv420p",
            payload: .compressed(codecName: "h264", parameters: isKeyframe ? parameters : nil), payloadLength: payloadBytes)
        return WireFrame(header: header, payload: payload)
    }

    /// `count` frames 33 333 µs apart from `start`, a keyframe every `gop` frames.
    static func stream(camera: String = "cam01", count: Int, start: Int64 = 1_000_000, interval: Int64 = 33_333,
                       gop: Int = 10, payloadBytes: Int = 200) -> [WireFrame] {
        (0..<count).map { index in
            compressed(camera: camera, sequence: UInt64(index), captureMicroseconds: start + Int64(index) * interval,
                       isKeyframe: index % gop == 0, payloadBytes: payloadBytes)
        }
    }
}

extension FileManager {
    /// Segment files of `camera` in `store`, sorted by name.
    func segments(of camera: String, in store: URL) throws -> [URL] {
        let folder = store.appendingPathComponent(camera)
        return try contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".vseg") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    func size(_ url: URL) throws -> Int {
        (try attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? -1
    }
}

import VantageMedia
@testable import VantageTransport

/// Frames built by hand for transport tests.
enum TestFrames {
    static let parameters = CodecParameters(codecName: "h264", extradata: [1, 100, 0, 31, 255, 225],
                                            width: 64, height: 48, pixelFormatName: "yuv420p", timeBase: MediaRational(1, 15360))

    static func compressed(camera: String = "cam01", sequence: UInt64 = 0, capture: Int64 = 0, keyframe: Bool = true,
                           payload: [UInt8] = [0, 0, 0, 1, 0x65, 0x88, 0x84]) -> WireFrame {
        let header = FrameHeader(
            rig: "pitch", camera: camera, streamID: 7, sequence: sequence, captureMicroseconds: capture,
            presentationTimestamp: 512 * Int64(sequence), decodeTimestamp: 512 * Int64(sequence) - 1024, duration: 256,
            timeBase: parameters.timeBase, isKeyframe: keyframe, width: 64, height: 48, pixelFormatName: "yuv420p",
            payload: .compressed(codecName: "h264", parameters: keyframe ? parameters : nil), payloadLength: payload.count)
        return WireFrame(header: header, payload: payload)
    }

    static func raw(camera: String = "cam01", width: Int = 4, height: Int = 3) -> WireFrame {
        let payload = (0..<(width * height * 3)).map { UInt8($0 % 256) }
        let header = FrameHeader(
            rig: "pitch", camera: camera, streamID: 9, sequence: 0, captureMicroseconds: 1_000, presentationTimestamp: nil,
            decodeTimestamp: nil, duration: 0, timeBase: MediaRational(1, 1_000_000), isKeyframe: true,
            width: width, height: height, pixelFormatName: "rgb24",
            payload: .raw(planes: [RawPlane(bytesPerRow: width * 3, rows: height)]), payloadLength: payload.count)
        return WireFrame(header: header, payload: payload)
    }

    /// The three parts a publisher sends for `frame`.
    static func parts(_ frame: WireFrame) -> [[UInt8]] {
        let (topic, header) = WireProtocol.encodeParts(of: frame.header)
        return [topic, header, frame.payload]
    }
}

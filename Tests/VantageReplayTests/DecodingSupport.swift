import Foundation
import Testing
import VantageMedia
import VantageReplay
import VantageTransport

enum VideoFixtures {
    /// Appends every packet of `path` to `store` as `camera`'s frames, capture time = presentation
    /// time from the stream's start; returns the frames in decode order.
    @discardableResult
    static func storePackets(of path: String, into store: ReplayStore, camera: String = "cam01") throws -> [WireFrame] {
        let reader = try PacketReader(path)
        let parameters = reader.codecParameters
        var frames: [WireFrame] = []
        while let packet = try reader.nextPacket() {
            let pts = try #require(packet.presentationTimestamp)
            let header = FrameHeader(
                rig: "replay-test", camera: camera, streamID: 1, sequence: UInt64(frames.count),
                captureMicroseconds: reader.clock.microsecondsFromStart(pts),
                presentationTimestamp: pts, decodeTimestamp: packet.decodeTimestamp, duration: packet.duration,
                timeBase: parameters.timeBase, isKeyframe: packet.isKeyframe, width: parameters.width, height: parameters.height,
                pixelFormatName: parameters.pixelFormatName,
                payload: .compressed(codecName: parameters.codecName, parameters: packet.isKeyframe ? parameters : nil),
                payloadLength: packet.data.count)
            let frame = WireFrame(header: header, payload: packet.data)
            try store.append(frame)
            frames.append(frame)
        }
        return frames
    }

    /// Every picture of `path` as `MediaReader` decodes it, by presentation timestamp.
    static func referenceImages(_ path: String) throws -> [Int64: RGBImage] {
        let reader = try MediaReader(path)
        let converter = PixelConverter()
        var images: [Int64: RGBImage] = [:]
        while let frame = try reader.nextFrame() { images[frame.timestamp] = try converter.rgbImage(from: frame) }
        return images
    }

    /// Writes `count` frames of a moving gradient with libx264 (B-frames, a keyframe every `gop`).
    static func writeClip(to path: String, count: Int, gop: Int) throws {
        FFmpegLog.setLevel(.error)
        let options = VideoWriterOptions(width: 160, height: 96, frameRate: MediaRational(25, 1), gopSize: gop)
        let writer = try VideoWriter(path: path, options: options)
        for index in 0..<count {
            var pixels = [UInt8](repeating: 0, count: 160 * 96 * 3)
            for y in 0..<96 {
                for x in 0..<160 {
                    let offset = (y * 160 + x) * 3
                    pixels[offset] = UInt8((x * 3 + index * 5) & 255)
                    pixels[offset + 1] = UInt8((y * 2 + index * 3) & 255)
                    pixels[offset + 2] = UInt8(((x ^ y) + index * 11) & 255)
                }
            }
            try writer.append(RGBImage(width: 160, height: 96, pixels: pixels))
        }
        try writer.finish()
    }
}

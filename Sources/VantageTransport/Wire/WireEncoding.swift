import Foundation

extension WireProtocol {
    /// Topic and header parts of a frame; the payload travels as the third part, untouched.
    public static func encodeParts(of header: FrameHeader) -> (topic: [UInt8], header: [UInt8]) {
        precondition(isValidName(header.rig) && isValidName(header.camera), "invalid rig or camera name")
        var writer = ByteWriter()
        writer.write(contentsOf: magic)
        writer.write(version)
        writer.write(Kind.frame.rawValue)
        writer.write(header.rig)
        writer.write(header.camera)
        writer.write(header.streamID)
        writer.write(header.sequence)
        writer.write(header.captureMicroseconds)
        writer.write(flags(of: header))
        writer.write(header.presentationTimestamp ?? 0)
        writer.write(header.decodeTimestamp ?? 0)
        writer.write(header.duration)
        writer.write(header.timeBase.numerator)
        writer.write(header.timeBase.denominator)
        writer.write(UInt32(header.width))
        writer.write(UInt32(header.height))
        writer.write(header.pixelFormatName)
        switch header.payload {
        case let .compressed(codecName, parameters):
            writer.write(codecName)
            if let parameters { writer.write(blob: parameters.extradata) }
        case let .raw(planes):
            writer.write(UInt8(planes.count))
            for plane in planes {
                writer.write(UInt32(plane.bytesPerRow))
                writer.write(UInt32(plane.rows))
            }
        }
        writer.write(UInt32(header.payloadLength))
        return (Array(header.topic.utf8), writer.bytes)
    }

    /// The three parts of a heartbeat.
    public static func encodeParts(of status: NodeStatus) -> [[UInt8]] {
        let json: [UInt8]
        do { json = Array(try JSONEncoder().encode(status)) } catch { preconditionFailure("NodeStatus encodes: \(error)") }
        var writer = ByteWriter()
        writer.write(contentsOf: magic)
        writer.write(version)
        writer.write(Kind.status.rawValue)
        writer.write(UInt32(json.count))
        return [Array(status.topic.utf8), writer.bytes, json]
    }

    private static func flags(of header: FrameHeader) -> UInt8 {
        var flags: UInt8 = 0
        if header.isKeyframe { flags |= Flag.keyframe }
        if header.presentationTimestamp != nil { flags |= Flag.presentationTimestamp }
        if header.decodeTimestamp != nil { flags |= Flag.decodeTimestamp }
        switch header.payload {
        case let .compressed(_, parameters) where parameters != nil: flags |= Flag.codecParameters
        case .compressed: break
        case .raw: flags |= Flag.raw
        }
        return flags
    }
}

extension ByteWriter {
    mutating func write(contentsOf raw: [UInt8]) {
        for byte in raw { write(byte) }
    }
}

import Foundation
import VantageMedia

extension WireProtocol {
    /// Decodes and checks one received message. Anything that is not a well-formed v1 message
    /// throws a `WireError` saying what was wrong; nothing here trusts a length it was sent.
    public static func decode(_ parts: [[UInt8]], maxPayloadBytes: Int = defaultMaxPayloadBytes) throws(WireError) -> WireMessage {
        guard parts.count == 3 else {
            throw WireError(.garbage, "expected 3 message parts (topic, header, payload), received \(parts.count)")
        }
        var reader = ByteReader(parts[1])
        guard parts[1].count >= 6, Array(parts[1][0..<4]) == magic else {
            throw WireError(.garbage, "header does not start with \"VNTG\" (\(parts[1].count) bytes)")
        }
        _ = try reader.read(UInt32.self, "magic")
        let messageVersion = try reader.read(UInt8.self, "version")
        guard messageVersion == version else {
            throw WireError(.unknownVersion, "protocol version \(messageVersion); this build speaks version \(version)")
        }
        let kindByte = try reader.read(UInt8.self, "kind")
        switch Kind(rawValue: kindByte) {
        case .frame:
            let header = try decodeFrameHeader(&reader, maxPayloadBytes: maxPayloadBytes)
            try checkPayload(claimed: header.payloadLength, actual: parts[2].count)
            guard parts[0] == Array(header.topic.utf8) else {
                throw WireError(.topicMismatch, "topic \"\(String(decoding: parts[0], as: UTF8.self))\" does not match the header's \(header.topic)")
            }
            return .frame(WireFrame(header: header, payload: parts[2]))
        case .status:
            let length = Int(try reader.read(UInt32.self, "status length"))
            try finish(reader)
            try checkPayload(claimed: length, actual: parts[2].count)
            guard let status = try? JSONDecoder().decode(NodeStatus.self, from: Data(parts[2])) else {
                throw WireError(.malformedHeader, "status payload is not the NodeStatus JSON")
            }
            guard parts[0] == Array(status.topic.utf8) else {
                throw WireError(.topicMismatch, "topic \"\(String(decoding: parts[0], as: UTF8.self))\" does not match the status of \(status.topic)")
            }
            return .status(status)
        case nil:
            throw WireError(.malformedHeader, "unknown message kind \(kindByte)")
        }
    }

    private static func decodeFrameHeader(_ reader: inout ByteReader, maxPayloadBytes: Int) throws(WireError) -> FrameHeader {
        let rig = try name(&reader, "rig")
        let camera = try name(&reader, "camera")
        let streamID = try reader.read(UInt64.self, "stream id")
        let sequence = try reader.read(UInt64.self, "sequence")
        let capture = try reader.read(Int64.self, "capture time")
        let flags = try reader.read(UInt8.self, "flags")
        guard flags & ~Flag.all == 0, flags & Flag.raw == 0 || flags & Flag.codecParameters == 0 else {
            throw WireError(.malformedHeader, "flags 0b\(String(flags, radix: 2)) are not a valid combination")
        }
        let pts = try reader.read(Int64.self, "presentation timestamp")
        let dts = try reader.read(Int64.self, "decode timestamp")
        let duration = try reader.read(Int64.self, "duration")
        let timeBase = MediaRational(try reader.read(Int32.self, "time base numerator"),
                                     try reader.read(Int32.self, "time base denominator"))
        guard timeBase.isPositive else { throw WireError(.malformedHeader, "time base \(timeBase) is not positive") }
        let width = Int(try reader.read(UInt32.self, "width"))
        let height = Int(try reader.read(UInt32.self, "height"))
        guard (1...maxSide).contains(width), (1...maxSide).contains(height) else {
            throw WireError(.malformedHeader, "frame size \(width)×\(height) is outside 1…\(maxSide)")
        }
        let pixelFormat = try reader.readString("pixel format")
        let payload: PayloadLayout
        if flags & Flag.raw != 0 {
            payload = .raw(planes: try planes(&reader))
        } else {
            let codecName = try reader.readString("codec name")
            guard !codecName.isEmpty else { throw WireError(.malformedHeader, "codec name is empty") }
            let parameters = flags & Flag.codecParameters == 0 ? nil : CodecParameters(
                codecName: codecName, extradata: try reader.readBlob("extradata", limit: maxExtradataBytes),
                width: width, height: height, pixelFormatName: pixelFormat, timeBase: timeBase)
            payload = .compressed(codecName: codecName, parameters: parameters)
        }
        let payloadLength = Int(try reader.read(UInt32.self, "payload length"))
        try finish(reader)
        guard payloadLength <= maxPayloadBytes else {
            throw WireError(.badPayloadSize, "\(rig)/\(camera) claims a \(payloadLength)-byte payload, above the \(maxPayloadBytes)-byte limit")
        }
        if case let .raw(planes) = payload, planes.reduce(0, { $0 + $1.byteCount }) != payloadLength {
            throw WireError(.badPayloadSize, "\(rig)/\(camera): raw planes add up to \(planes.reduce(0) { $0 + $1.byteCount }) bytes, the header claims \(payloadLength)")
        }
        return FrameHeader(
            rig: rig, camera: camera, streamID: streamID, sequence: sequence, captureMicroseconds: capture,
            presentationTimestamp: flags & Flag.presentationTimestamp != 0 ? pts : nil,
            decodeTimestamp: flags & Flag.decodeTimestamp != 0 ? dts : nil,
            duration: duration, timeBase: timeBase, isKeyframe: flags & Flag.keyframe != 0,
            width: width, height: height, pixelFormatName: pixelFormat, payload: payload, payloadLength: payloadLength)
    }

    private static func name(_ reader: inout ByteReader, _ field: String) throws(WireError) -> String {
        let name = try reader.readString(field)
        guard isValidName(name) else { throw WireError(.malformedHeader, "\(field) name \"\(name)\" is empty or holds \"/\" or a control character") }
        return name
    }

    private static func planes(_ reader: inout ByteReader) throws(WireError) -> [RawPlane] {
        let count = Int(try reader.read(UInt8.self, "plane count"))
        guard (1...maxPlanes).contains(count) else { throw WireError(.malformedHeader, "\(count) raw planes; expected 1…\(maxPlanes)") }
        var planes: [RawPlane] = []
        for index in 0..<count {
            let bytesPerRow = Int(try reader.read(UInt32.self, "plane \(index) bytes per row"))
            let rows = Int(try reader.read(UInt32.self, "plane \(index) rows"))
            guard rows <= maxSide, bytesPerRow <= maxSide * 16 else {
                throw WireError(.malformedHeader, "plane \(index) claims \(rows) rows of \(bytesPerRow) bytes")
            }
            planes.append(RawPlane(bytesPerRow: bytesPerRow, rows: rows))
        }
        return planes
    }

    private static func checkPayload(claimed: Int, actual: Int) throws(WireError) {
        guard claimed == actual else {
            throw WireError(.badPayloadSize, "header claims a \(claimed)-byte payload, the payload part has \(actual)")
        }
    }

    private static func finish(_ reader: ByteReader) throws(WireError) {
        guard reader.remaining == 0 else {
            throw WireError(.malformedHeader, "\(reader.remaining) unexpected bytes after the header's last field")
        }
    }
}

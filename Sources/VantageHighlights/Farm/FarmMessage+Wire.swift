import Foundation
import VantageMedia

/// Why a received message was refused.
public enum FarmDropReason: String, Sendable, CaseIterable, Codable {
    /// Not two parts for a frame, one for anything else; not JSON; not the farm protocol.
    case malformed
    /// The farm protocol, another version.
    case unknownVersion
    /// A well-formed message this side does not take (work at a coordinator, frames at a worker).
    case unexpectedKind
    /// A result of another job (a previous render, another coordinator).
    case wrongJob
    /// A frame or range outside the plan, or pixels of the wrong size.
    case outOfPlan
}

/// A refused message: the reason and a detail for the log.
public struct FarmDrop: Error, Sendable, Equatable {
    public let reason: FarmDropReason
    public let detail: String

    public init(_ reason: FarmDropReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

extension FarmMessage {
    private struct Envelope: Codable {
        var `protocol`: String
        var version: Int
        var kind: String
    }

    private struct FrameHeader: Codable {
        var job: String
        var index: Int
        var worker: String
        var width: Int
        var height: Int
    }

    private var kind: String {
        switch self {
        case .work: "work"
        case .accepted: "accepted"
        case .frame: "frame"
        case .failed: "failed"
        case .heartbeat: "heartbeat"
        }
    }

    /// The message's parts; a frame's pixels are the second part (sent without a copy).
    public func encoded() -> [[UInt8]] {
        var header: [String: Any] = ["protocol": Self.protocolName, "version": Self.version, "kind": kind]
        func merge(_ value: some Encodable) {
            // Encoding plain strings and integers cannot fail.
            guard let data = try? JSONEncoder().encode(value), let fields = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                preconditionFailure("farm messages always encode")
            }
            header.merge(fields) { _, new in new }
        }
        var parts: [[UInt8]] = []
        switch self {
        case .work(let work): merge(work)
        case .accepted(let notice): merge(notice)
        case .failed(let failure): merge(failure)
        case .heartbeat(let heartbeat): merge(heartbeat)
        case .frame(let frame):
            merge(FrameHeader(job: frame.job, index: frame.index, worker: frame.worker, width: frame.image.width, height: frame.image.height))
            parts.append(frame.image.pixels)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]) else {
            preconditionFailure("farm headers always serialize")
        }
        return [Array(data)] + parts
    }

    /// Parses a received message; throws a `FarmDrop` naming what is wrong.
    public init(parts: [[UInt8]]) throws(FarmDrop) {
        guard let first = parts.first, !first.isEmpty, parts.count <= 2 else {
            throw FarmDrop(.malformed, "\(parts.count) parts, expected a JSON header and at most a payload")
        }
        let data = Data(first)
        let decoder = JSONDecoder()
        guard let envelope = try? decoder.decode(Envelope.self, from: data), envelope.protocol == Self.protocolName else {
            throw FarmDrop(.malformed, "header is not a \(Self.protocolName) JSON header (\(first.count) bytes)")
        }
        guard envelope.version == Self.version else {
            throw FarmDrop(.unknownVersion, "version \(envelope.version), expected \(Self.version)")
        }
        func decode<T: Decodable>(_ type: T.Type) throws(FarmDrop) -> T {
            do { return try decoder.decode(type, from: data) } catch {
                throw FarmDrop(.malformed, "\(envelope.kind) header: \(error)")
            }
        }
        let expectedParts = envelope.kind == "frame" ? 2 : 1
        guard parts.count == expectedParts else {
            throw FarmDrop(.malformed, "\(envelope.kind) with \(parts.count) parts, expected \(expectedParts)")
        }
        switch envelope.kind {
        case "work":
            let work = try decode(FarmWork.self)
            guard work.first >= 0, work.first < work.last, work.width > 0, work.height > 0, work.framesPerSecond > 0 else {
                throw FarmDrop(.malformed, "work \(work.first)..<\(work.last) at \(work.width)x\(work.height), \(work.framesPerSecond) fps")
            }
            self = .work(work)
        case "accepted": self = .accepted(try decode(FarmRangeNotice.self))
        case "failed": self = .failed(try decode(FarmFailure.self))
        case "heartbeat": self = .heartbeat(try decode(FarmHeartbeat.self))
        case "frame":
            let header = try decode(FrameHeader.self)
            guard header.width > 0, header.height > 0, header.width <= 1 << 15, header.height <= 1 << 15,
                  parts[1].count == header.width * header.height * 3 else {
                throw FarmDrop(.malformed, "frame \(header.index) from \(header.worker): \(parts[1].count) bytes for \(header.width)x\(header.height) rgb24")
            }
            self = .frame(FarmFrame(job: header.job, index: header.index, worker: header.worker,
                                    image: RGBImage(width: header.width, height: header.height, pixels: parts[1])))
        default:
            throw FarmDrop(.malformed, "unknown kind '\(envelope.kind)'")
        }
    }
}

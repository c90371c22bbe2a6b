import Foundation
import VantageMedia

/// Wire protocol v1 (docs/wire-protocol.md): every message is three ZeroMQ parts,
/// `[topic, header, payload]`. The header starts with the magic "VNTG", the version byte and
/// the message kind; all integers are little-endian.
public enum WireProtocol {
    public static let version: UInt8 = 1
    static let magic: [UInt8] = Array("VNTG".utf8)
    /// Payload limit a subscriber accepts unless configured otherwise (an 8K RGBA frame fits).
    public static let defaultMaxPayloadBytes = 256 << 20
    /// Largest side a frame may claim.
    static let maxSide = 16384
    static let maxPlanes = 4
    static let maxExtradataBytes = 1 << 20

    enum Kind: UInt8 {
        case frame = 1
        case status = 2
    }

    enum Flag {
        static let keyframe: UInt8 = 1 << 0
        static let presentationTimestamp: UInt8 = 1 << 1
        static let decodeTimestamp: UInt8 = 1 << 2
        static let raw: UInt8 = 1 << 3
        static let codecParameters: UInt8 = 1 << 4
        static let all: UInt8 = 0b1_1111
    }

    /// Whether `name` can be a rig, camera or node name: printable, non-empty, no "/", not starting with "@".
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.contains("/") && !name.hasPrefix("@")
            && name.unicodeScalars.allSatisfy { !$0.properties.generalCategory.isControl }
    }
}

/// One decoded message: a camera frame or a node's heartbeat.
public enum WireMessage: Sendable, Hashable {
    case frame(WireFrame)
    case status(NodeStatus)
}

extension Unicode.GeneralCategory {
    fileprivate var isControl: Bool { self == .control || self == .format }
}

/// Why a message from the network was refused. Counted by kind and dropped; never fatal.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Not a Vantage message at all (wrong part count or magic).
        case garbage
        /// The header ends before its fields do, or a field holds an impossible value.
        case malformedHeader
        /// A protocol version this build does not speak.
        case unknownVersion
        /// The header claims a payload above the limit, or a size that does not match the payload part.
        case badPayloadSize
        /// The topic does not name the header's rig and camera.
        case topicMismatch
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// A ZeroMQ or key-file failure, with the endpoint or file it concerns.
public struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A libzmq call failed (bad endpoint, address in use, …).
        case socket
        /// A CURVE key file is missing or malformed.
        case keyFile
        /// An option is out of range, or names something that does not exist.
        case invalidOption
        /// A camera's media cannot be read.
        case source
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

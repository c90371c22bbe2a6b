/// Why a farm render or a farm worker stopped, in one line that names the endpoint, the range or
/// the worker concerned.
public struct FarmError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// An option is out of range or an endpoint cannot be parsed.
        case invalidOption
        /// No worker said anything for longer than `FarmOptions.waitForWorkersSeconds`.
        case noWorkers
        /// Workers failed on the same range `FarmOptions.maximumFailures` times.
        case rangeFailed
        /// The farm was closed before the frame arrived.
        case closed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// Why a render or a depth estimate could not be made; the message is one line that names the
/// camera, field or time concerned and what was expected.
public struct SynthesisError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The requested camera is malformed (NaN, not a rotation, absurd field of view or size).
        case invalidTarget
        /// None of the source cameras sees any part of the requested view.
        case notVisible
        /// The requested time or frame lies outside the recording.
        case outsideReplay
        /// A frame could not be read or decoded.
        case unreadableFrame
        /// Not enough source cameras to do the job.
        case notEnoughSources
        /// Options that make no sense (zero planes, negative radius, ...).
        case invalidOptions
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

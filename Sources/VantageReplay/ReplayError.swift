/// Why the replay store refused a request or could not read what it holds.
///
/// `message` is one line naming the file (and byte offset or field where there is one) and what
/// was expected. Damage found while opening a store is not an error: it is reported in
/// `ReplayStore.damage`.
public struct ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The path is missing, or is not a replay store (no store.json), or holds another format version.
        case notAStore
        /// store.json is not the JSON the store writes.
        case badManifest
        /// An option is outside its valid range.
        case invalidOptions
        /// A frame handed to `append` is inconsistent (payload size, names).
        case invalidFrame
        /// A file operation failed (open, write, sync, remove).
        case io
        /// A stored record no longer reads back as written (changed on disk since the store was opened).
        case corruptRecord
        /// The frame's segment was removed by retention, or the camera has no frames.
        case frameUnavailable
        /// The store was opened read-only, or is closed.
        case notWritable
        /// The stored frame's payload cannot become an image (an unsupported raw pixel format).
        case unsupportedPayload
        /// The decoder failed on stored packets.
        case decodingFailed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

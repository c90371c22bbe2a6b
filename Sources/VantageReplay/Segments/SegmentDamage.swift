/// Bytes in the store that could not be read as frames, found while opening it.
///
/// Damage is reported, never repaired or deleted by the store: the bytes stay on disk for
/// inspection (retention removes them with their whole segment once it is old).
public struct SegmentDamage: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The damaged file (a segment, or a file that does not belong in the store).
    public var file: String
    /// Where the unreadable bytes start.
    public var offset: Int
    /// How many bytes from `offset` could not be read.
    public var length: Int
    /// What was wrong with the first of them.
    public var reason: String

    public init(file: String, offset: Int, length: Int, reason: String) {
        self.file = file
        self.offset = offset
        self.length = length
        self.reason = reason
    }

    public var description: String { "\(file): \(length) bytes unreadable from byte \(offset): \(reason)" }
}

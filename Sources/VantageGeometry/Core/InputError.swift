/// Malformed or unusable input from outside (a file, a field, a line): names the source, the
/// place in it and what was expected, in one line.
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file, folder, URL or peer the input came from.
    public var source: String
    /// Where in the source: a field path (`cameras[2].intrinsics.fx`) or `line 14`; may be empty.
    public var place: String
    /// What is wrong and what was expected.
    public var message: String

    public init(_ source: String, at place: String = "", _ message: String) {
        self.source = source
        self.place = place
        self.message = message
    }

    public var description: String {
        place.isEmpty ? "\(source): \(message)" : "\(source): \(place): \(message)"
    }
}

import Foundation

/// The bytes of an input file, with the one-line errors every reader gives.
enum InputFile {
    /// `kind` names the file in the error ("rig file", "pose file").
    static func data(at url: URL, kind: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { throw InputError(url.path, "no such file") }
        do { return try Data(contentsOf: url) } catch {
            throw InputError(url.path, "cannot read the \(kind) (\(error.localizedDescription))")
        }
    }
}

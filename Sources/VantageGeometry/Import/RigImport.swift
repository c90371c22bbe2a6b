import Foundation

/// Calibration formats that `vantage rig import` reads.
public enum RigFormat: String, CaseIterable, Sendable {
    case vantage, qualisys, caliscope, nerf, mpeg, colmap, opencv
}

/// A rig read from another tool's files, plus what the reader noticed and worked around
/// (e.g. a frame whose image is missing), for the user to see.
public struct ImportedRig: Sendable {
    public var rig: Rig
    public var warnings: [String]

    public init(rig: Rig, warnings: [String] = []) {
        self.rig = rig
        self.warnings = warnings
    }
}

/// One calibration format's reader.
///
/// Readers convert to Vantage's conventions (see `Camera`): OpenCV camera axes, `camFromWorld`,
/// top-left pixel centre at (0, 0), metres where the source states its units. Media paths they
/// attach are absolute file paths (or URLs). Every rig they return has passed `Rig.validate`.
public protocol RigImporter {
    static var format: RigFormat { get }
    /// Whether the file or folder looks like this format (by content, not only by name).
    static func recognizes(_ url: URL) -> Bool
    static func read(_ url: URL) throws -> ImportedRig
}

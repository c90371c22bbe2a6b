import Foundation
import Testing

/// The shared real captures, `<package root>/../shared/data`; absent in a fresh clone, where the
/// tests that need them are skipped visibly.
enum SharedData {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data").standardizedFileURL

    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    static var isAvailable: Bool {
        let present = FileManager.default.fileExists(atPath: folder.path)
        if !present { print("SKIPPED: real-data synthesis tests need \(folder.path), which is absent") }
        return present
    }

    static let skipNote: Comment = "needs the real captures in ../shared/data beside the package root"
}

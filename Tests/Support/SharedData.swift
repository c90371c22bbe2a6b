import Foundation
import Testing

/// The real captures in `../shared/data` beside the package root: present on the team's
/// machines, absent in a fresh clone, where the tests that need them are skipped and say so.
public enum SharedData {
    public static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/data").standardizedFileURL

    public static let isAvailable: Bool = {
        let present = FileManager.default.fileExists(atPath: folder.path)
        if !present { print("SKIPPED: real-data tests need \(folder.path), which is absent") }
        return present
    }()

    public static let skipNote: Comment = "needs the real captures in ../shared/data beside the package root"

    public static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }
    public static func path(_ relative: String) -> String { url(relative).path }
}

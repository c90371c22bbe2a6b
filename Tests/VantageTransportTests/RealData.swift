import Foundation

/// The shared real captures at `../shared/data` beside the package root (absent in a fresh clone).
enum RealData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // VantageTransportTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/data").standardized

    /// True when the folder exists; tests that need it are disabled (and say why) otherwise.
    static let isAvailable: Bool = {
        let present = FileManager.default.fileExists(atPath: root.path)
        if !present { print("skipping real-data tests: ../shared/data not found at \(root.path)") }
        return present
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

import Foundation
import Testing
@testable import VantageGeometry

/// The shared real captures: `<package root>/../shared/data`. Absent in a fresh clone, where the
/// tests that need them are skipped (Swift Testing lists them as skipped with `TestData.skipNote`).
enum TestData {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data").standardizedFileURL

    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    static var isAvailable: Bool {
        let present = FileManager.default.fileExists(atPath: folder.path)
        if !present { print("SKIPPED: real-data import tests need \(folder.path), which is absent") }
        return present
    }

    static let skipNote: Comment = "needs the real captures in ../shared/data beside the package root"
}

/// A fresh temporary folder, removed when the test's `body` returns.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
}

/// The error thrown by `body` as an `InputError`, or `nil` (recorded as a failure) when it threw
/// nothing or something else.
func inputError(_ body: () throws -> Any, sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
    do {
        _ = try body()
        Issue.record("expected an InputError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as InputError {
        return error
    } catch {
        Issue.record("expected an InputError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// The point nearest, in the least-squares sense, to the cameras' optical axes, and its largest
/// distance from any of them.
func convergencePoint(of cameras: [Camera]) -> (point: Vector3, worstDistance: Double) {
    // Σ (I − d dᵀ) x = Σ (I − d dᵀ) c, solved by Cramer's rule.
    var a = [[Double]](repeating: [0, 0, 0], count: 3)
    var b = Vector3.zero
    for camera in cameras {
        let d = camera.forwardInWorld, c = camera.centerInWorld
        for r in 0..<3 { for k in 0..<3 { a[r][k] += (r == k ? 1 : 0) - d[r] * d[k] } }
        b += c - d * d.dot(c)
    }
    let m = Matrix3(a)!
    let det = m.determinant
    func replaced(_ column: Int) -> Matrix3 {
        Matrix3((0..<3).map { r in (0..<3).map { k in k == column ? b[r] : a[r][k] } })!
    }
    let point = Vector3(replaced(0).determinant / det, replaced(1).determinant / det, replaced(2).determinant / det)
    let worst = cameras.map { camera -> Double in
        let v = point - camera.centerInWorld
        return (v - camera.forwardInWorld * v.dot(camera.forwardInWorld)).length
    }.max() ?? 0
    return (point, worst)
}

import Foundation
import VantageGeometry

/// A folder built under a hidden temporary name beside its final place and renamed into place
/// only when complete, so an interrupted run never leaves something that looks like a finished
/// result. Released without `commit`, it deletes itself.
final class PartialFolder {
    let final: URL
    let url: URL
    private var committed = false

    init(final: URL) {
        self.final = final
        url = final.deletingLastPathComponent()
            .appendingPathComponent(".\(final.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
    }

    func create() throws {
        try? FileManager.default.removeItem(at: url)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) } catch {
            throw InputError(final.path, "cannot create a folder beside it (\(error.localizedDescription))")
        }
    }

    /// Moves the folder to its final name; an existing one is replaced only when `replacing`.
    func commit(replacing: Bool) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: final.path) {
            guard replacing else { throw InputError(final.path, "appeared while the sample was rendering; left untouched") }
            let old = url.appendingPathExtension("old")
            try manager.moveItem(at: final, to: old)
            try manager.moveItem(at: url, to: final)
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: url, to: final)
        }
        committed = true
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: url) }
    }
}

import Foundation

/// A hidden temporary file beside `finalPath`, renamed over it only when the content is complete,
/// so an interrupted write never leaves a complete-looking file.
struct AtomicDestination {
    let finalPath: String
    let temporaryPath: String

    init(finalPath: String) {
        let url = URL(fileURLWithPath: finalPath)
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        self.finalPath = finalPath
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(suffix)").path
    }

    /// Writes all of `bytes` to the temporary file, then renames it into place.
    func write(_ bytes: [UInt8]) throws(MediaError) {
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(source: finalPath, reason: Self.lastErrorText()) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let reason = Self.lastErrorText()
                discard()
                throw .operationFailed(source: finalPath, operation: "writing", reason: reason)
            }
            written += result
        }
        try commit()
    }

    /// Renames the finished temporary file to `finalPath` (replacing any file already there).
    func commit() throws(MediaError) {
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = Self.lastErrorText()
            discard()
            throw .operationFailed(source: finalPath, operation: "moving the finished file into place", reason: reason)
        }
    }

    /// Deletes the temporary file if it exists.
    func discard() {
        unlink(temporaryPath)
    }

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}

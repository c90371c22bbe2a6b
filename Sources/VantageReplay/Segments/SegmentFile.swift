#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One segment file behind a POSIX descriptor, closed on release. Every failing call becomes a
/// `ReplayError.io` naming the path, the operation and the system's reason.
final class SegmentFile {
    let path: String
    private let descriptor: Int32

    private init(path: String, flags: Int32) throws(ReplayError) {
        self.path = path
        let descriptor = open(path, flags | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "open") }
        self.descriptor = descriptor
    }

    /// Creates a new, empty file for appending; fails if the file exists (a segment is never reused).
    static func create(_ path: String) throws(ReplayError) -> SegmentFile {
        try SegmentFile(path: path, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND)
    }

    static func openForReading(_ path: String) throws(ReplayError) -> SegmentFile {
        try SegmentFile(path: path, flags: O_RDONLY)
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes` at the end of the file.
    func append(_ bytes: [UInt8]) throws(ReplayError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, "write of \(bytes.count) bytes")
            }
            written += result
        }
    }

    /// Makes written bytes durable (they already survive a killed process; this also covers power loss).
    func sync() throws(ReplayError) {
        guard fsync(descriptor) == 0 else { throw Self.failure(path, "fsync") }
    }

    var size: Int {
        get throws(ReplayError) {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw Self.failure(path, "fstat") }
            return Int(status.st_size)
        }
    }

    /// Exactly `count` bytes from `offset`; a file that ends sooner is an error.
    func read(at offset: Int, count: Int) throws(ReplayError) -> [UInt8] {
        var failure: ReplayError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let result = pread(descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                if result < 0, errno == EINTR { continue }
                if result < 0 {
                    failure = Self.failure(path, "read of \(count) bytes at byte \(offset)")
                    return
                }
                if result == 0 {
                    failure = ReplayError(.corruptRecord, "\(path): file ends at byte \(offset + initialized), expected \(count) bytes from byte \(offset)")
                    return
                }
                initialized += result
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// The whole file.
    func readAll() throws(ReplayError) -> [UInt8] {
        try read(at: 0, count: try size)
    }

    private static func failure(_ path: String, _ operation: String) -> ReplayError {
        ReplayError(.io, "\(path): \(operation) failed: \(String(cString: strerror(errno)))")
    }
}

import Foundation
import Logging
import VantageTransport

/// The recent past of every camera on disk: per-camera append-only segments plus an in-memory
/// index by capture time, so that the last `retentionSeconds` survive a restart.
///
/// Layout: `<directory>/store.json` and `<directory>/<camera>/<first capture µs>-<counter>.vseg`
/// (see `SegmentRecord` for the records). Opening scans every segment and rebuilds the index;
/// bytes that do not read back (a torn tail after a killed writer, a flipped bit) are listed in
/// `damage` and left on disk, and the store opens anyway. A store never appends to a segment of
/// an earlier run: each camera starts a new one.
///
/// Thread-safe: one thread appends while others query. Queries take the lock only to look up
/// the index; reading records happens outside it.
public final class ReplayStore: Sendable {
    public enum Access: Sendable {
        /// Append, apply retention, create the store if the folder is missing or empty.
        case readWrite
        /// Only read; nothing on disk changes (no retention either).
        case readOnly
    }

    public let directory: URL
    /// The options in force: those given, or else those recorded in store.json.
    public let options: ReplayStoreOptions
    public let access: Access
    /// Unreadable bytes found while opening, in the order of the files.
    public let damage: [SegmentDamage]
    let state: Locked<StoreState>
    let logger: Logger

    /// Opens the store at `directory`, creating it (with write access) when the folder is missing or empty.
    ///
    /// Throws when the folder is not a store (or another format version), when store.json is
    /// not valid, or when `options` are out of range; damaged segments are not errors.
    public init(directory: URL, options: ReplayStoreOptions? = nil, access: Access = .readWrite,
                logger: Logger = Logger(label: "vantage.replay")) throws(ReplayError) {
        try options?.validate()
        let loaded = try StoreLoader(directory: directory, access: access).load(options: options)
        self.directory = directory
        self.options = options ?? loaded.manifest.options
        self.access = access
        self.damage = loaded.damage
        self.logger = logger
        state = Locked(loaded.state)
        for damage in loaded.damage { logger.warning("replay store damage: \(damage)") }
        if access == .readWrite { state.withLock { applyRetention(&$0) } }
    }

    /// Cameras with a folder in the store, sorted.
    public var cameras: [String] { state.withLock { $0.cameras.keys.sorted() } }

    /// Where each stored frame of `camera` is, in decode order (the order they were appended).
    public func index(camera: String) -> [ReplayIndexEntry] {
        state.withLock { $0.cameras[camera]?.entries ?? [] }
    }

    /// Capture times of every stored frame of `camera`, ascending.
    public func captureTimes(camera: String) -> [Int64] {
        state.withLock { $0.cameras[camera]?.captureTimes ?? [] }
    }

    /// The stored frame of `camera` captured nearest to `microseconds` (the earlier on a tie).
    public func entry(camera: String, nearest microseconds: Int64) -> ReplayIndexEntry? {
        state.withLock { state in
            guard let index = state.cameras[camera], let position = index.nearest(microseconds) else { return nil }
            return index.entries[position]
        }
    }

    /// The stored frame of `camera` nearest to `microseconds`, exactly as it was appended; nil
    /// when the camera has no frames.
    public func frame(camera: String, nearest microseconds: Int64) throws(ReplayError) -> WireFrame? {
        guard let entry = entry(camera: camera, nearest: microseconds) else { return nil }
        return try frame(at: entry)
    }

    /// Reads one stored frame back, checking its CRC and header again.
    ///
    /// Throws `.frameUnavailable` when retention removed its segment meanwhile, and
    /// `.corruptRecord` when the bytes changed on disk since the store indexed them.
    public func frame(at entry: ReplayIndexEntry) throws(ReplayError) -> WireFrame {
        let path = segmentURL(camera: entry.camera, fileName: entry.segment).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReplayError(.frameUnavailable, "\(path): segment removed (retention) since frame \(entry.sequence) at \(entry.captureMicroseconds) µs was indexed")
        }
        let bytes = try SegmentFile.openForReading(path).read(at: entry.offset, count: entry.recordLength)
        switch SegmentRecord.parse(bytes, at: 0) {
        case let .frame(frame, length) where length == entry.recordLength
            && frame.header.captureMicroseconds == entry.captureMicroseconds && frame.header.sequence == entry.sequence:
            return frame
        case .frame:
            throw ReplayError(.corruptRecord, "\(path): the record at byte \(entry.offset) is not the indexed frame \(entry.sequence) any more")
        case let .unreadable(reason):
            throw ReplayError(.corruptRecord, "\(path): the record at byte \(entry.offset) no longer reads back: \(reason)")
        }
    }

    func segmentURL(camera: String, fileName: String) -> URL {
        directory.appendingPathComponent(camera).appendingPathComponent(fileName)
    }

    /// Runs `body` under the lock, passing its typed error through `Locked`'s untyped `rethrows`.
    func withState<T>(_ body: (inout StoreState) throws(ReplayError) -> T) throws(ReplayError) -> T {
        try state.withLock { state in Result { () throws(ReplayError) in try body(&state) } }.get()
    }
}

import VantageMedia
import VantageTransport

/// Turns any stored moment of a camera into an RGB image.
///
/// Compressed frames are decoded from the last keyframe at or before the wanted frame, forward
/// in decode order, until the decoder puts out the picture whose presentation timestamp is the
/// wanted frame's (B-frames come out reordered, so pictures are matched to capture times by
/// presentation timestamp, never by position). Every picture passed on the way is cached, and
/// each camera's decoder is kept where it stopped, so stepping forward through a replay sends
/// every packet about once.
///
/// Thread-safe: concurrent requests decode independently and share the cache.
public final class ReplayDecoder: Sendable {
    public let store: ReplayStore
    private let cache: Locked<DecodedFrameCache>
    /// Each camera's decoder where the last request left it; taken out while a request uses it.
    private let sessions = Locked<[String: DecodingSession]>([:])

    /// `cacheBytes` defaults to the store's `decodedCacheBytes`.
    public init(store: ReplayStore, cacheBytes: Int? = nil) {
        self.store = store
        cache = Locked(DecodedFrameCache(capacityBytes: max(0, cacheBytes ?? store.options.decodedCacheBytes)))
    }

    /// The decoded-frame cache so far: requests answered from it, requests decoded, pictures
    /// evicted, bytes held.
    public var cacheStatistics: (hits: Int, misses: Int, evictions: Int, bytes: Int) {
        cache.withLock { ($0.hits, $0.misses, $0.evictions, $0.bytes) }
    }

    /// The picture of `camera`'s frame captured nearest to `captureMicroseconds`.
    ///
    /// Throws `.frameUnavailable` when the camera has no frames or no keyframe before the frame,
    /// `.unsupportedPayload` for raw formats other than rgb24, `.decodingFailed` when the decoder
    /// fails or never puts out the frame.
    public func image(camera: String, captureMicroseconds: Int64) throws(ReplayError) -> RGBImage {
        guard let run = store.decodingRun(camera: camera, nearest: captureMicroseconds) else {
            throw ReplayError(.frameUnavailable, "\(store.directory.path): camera \"\(camera)\" has no stored frames")
        }
        let target = run.target
        if let cached = cache.withLock({ $0.image(for: Self.key(target)) }) { return cached }
        if let timestamp = target.presentationTimestamp, let session = sessions.withLock({ $0.removeValue(forKey: camera) }),
           session.canContinue(to: run.entries, target: timestamp) {
            session.extend(to: run.entries)
            return try decode(run, with: session)
        }
        guard let first = run.entries.first else {
            throw ReplayError(.frameUnavailable, "\(store.directory.path): \(camera) frame \(target.sequence) at \(target.captureMicroseconds) µs: no keyframe stored before it (its keyframe's segment was removed, or the stream started between keyframes)")
        }
        let start = try store.frame(at: first)
        switch start.header.payload {
        case .raw:
            let frame = first == target ? start : try store.frame(at: target)
            guard case let .raw(planes) = frame.header.payload else {
                throw ReplayError(.unsupportedPayload, "\(frame.header.topic) frame \(frame.header.sequence): compressed after raw frames")
            }
            let image = try RGBImage(rawFrame: frame, planes: planes)
            cache.withLock { $0.insert(image, for: Self.key(target)) }
            return image
        case let .compressed(_, parameters):
            guard let parameters else {
                throw ReplayError(.decodingFailed, "\(start.header.topic) keyframe \(start.header.sequence) at \(start.header.captureMicroseconds) µs carries no codec parameters")
            }
            let session = try DecodingSession.decoding { () throws(MediaError) in
                try DecodingSession(parameters, run: run.entries, source: "\(store.directory.path)/\(camera)")
            }
            return try decode(run, with: session)
        }
    }

    /// Steps `session` until the target's picture comes out (or the run is drained); keeps the
    /// session for the next request unless it failed or is drained.
    private func decode(_ run: DecodingRun, with session: DecodingSession) throws(ReplayError) -> RGBImage {
        let target = run.target
        let source = "\(store.directory.path)/\(target.camera)"
        guard let targetTimestamp = target.presentationTimestamp else {
            throw ReplayError(.decodingFailed, "\(source): frame \(target.sequence) at \(target.captureMicroseconds) µs has no presentation timestamp to find its picture by")
        }
        var entryByTimestamp: [Int64: ReplayIndexEntry] = [:]
        for entry in run.entries {
            if let timestamp = entry.presentationTimestamp { entryByTimestamp[timestamp] = entry }
        }
        let converter = PixelConverter()
        let cacheBytes = cache.withLock { $0.capacityBytes }
        var result: RGBImage?
        while result == nil, !session.isDrained {
            let frames = try session.step { (entry) throws(ReplayError) in EncodedPacket(wireFrame: try store.frame(at: entry)) }
            for frame in frames {
                guard let entry = entryByTimestamp[frame.timestamp] else { continue }
                // Pictures passed on the way are converted only when the cache can keep them.
                let isTarget = frame.timestamp == targetTimestamp
                guard isTarget || frame.width * frame.height * 3 <= cacheBytes else { continue }
                let image = try DecodingSession.decoding { () throws(MediaError) in try converter.rgbImage(from: frame) }
                cache.withLock { $0.insert(image, for: Self.key(entry)) }
                if isTarget { result = image }
            }
        }
        if !session.isDrained { sessions.withLock { $0[target.camera] = session } }
        guard let result else {
            throw ReplayError(.decodingFailed, "\(source): no picture with presentation timestamp \(targetTimestamp) (frame \(target.sequence) at \(target.captureMicroseconds) µs) after decoding \(session.sent) packets from the keyframe")
        }
        return result
    }

    private static func key(_ entry: ReplayIndexEntry) -> DecodedFrameCache.Key {
        DecodedFrameCache.Key(camera: entry.camera, captureMicroseconds: entry.captureMicroseconds)
    }
}

extension EncodedPacket {
    /// The packet a compressed wire frame carries.
    init(wireFrame frame: WireFrame) {
        self.init(data: frame.payload, presentationTimestamp: frame.header.presentationTimestamp,
                  decodeTimestamp: frame.header.decodeTimestamp, duration: frame.header.duration,
                  isKeyframe: frame.header.isKeyframe)
    }
}

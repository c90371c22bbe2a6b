import VantageMedia

/// Decoded images by camera and capture time, least recently used first out once the pixels
/// exceed a byte cap.
///
/// Recency is kept as a log of uses in which later uses of a key make its earlier ones stale;
/// eviction walks the log from the front, so every operation is amortized O(1).
struct DecodedFrameCache {
    struct Key: Hashable {
        var camera: String
        var captureMicroseconds: Int64
    }

    let capacityBytes: Int
    /// Bytes of pixels held.
    private(set) var bytes = 0
    /// Lookups answered, lookups missed, images evicted to stay under the cap.
    private(set) var hits = 0
    private(set) var misses = 0
    private(set) var evictions = 0
    private var images: [Key: (image: RGBImage, lastUse: UInt64)] = [:]
    private var useLog: [(key: Key, use: UInt64)] = []
    private var logStart = 0
    private var clock: UInt64 = 0

    init(capacityBytes: Int) { self.capacityBytes = capacityBytes }

    var count: Int { images.count }

    /// The cached image, now the most recently used.
    mutating func image(for key: Key) -> RGBImage? {
        guard let image = images[key]?.image else {
            misses += 1
            return nil
        }
        hits += 1
        touch(key)
        return image
    }

    /// Caches `image` as the most recently used, evicting the least recently used beyond the cap.
    /// An image larger than the whole cap is not cached.
    mutating func insert(_ image: RGBImage, for key: Key) {
        guard image.pixels.count <= capacityBytes else { return }
        bytes += image.pixels.count - (images[key]?.image.pixels.count ?? 0)
        images[key] = (image, 0)
        touch(key)
        while bytes > capacityBytes { evictOldest() }
    }

    private mutating func touch(_ key: Key) {
        clock += 1
        images[key]!.lastUse = clock
        useLog.append((key, clock))
        if useLog.count > 2 * images.count + 64 { compactLog() }
    }

    private mutating func evictOldest() {
        while logStart < useLog.count {
            let (key, use) = useLog[logStart]
            logStart += 1
            if let entry = images[key], entry.lastUse == use {
                bytes -= entry.image.pixels.count
                images[key] = nil
                evictions += 1
                return
            }
        }
    }

    /// Drops the stale uses: one entry per cached image remains, in order of use.
    private mutating func compactLog() {
        useLog = images.map { ($0.key, $0.value.lastUse) }.sorted { $0.use < $1.use }
        logStart = 0
    }
}

import Testing
import VantageMedia
@testable import VantageReplay

struct DecodedFrameCacheTests {
    private func image(_ value: UInt8) -> RGBImage { RGBImage(width: 2, height: 2, pixels: [UInt8](repeating: value, count: 12)) }
    private func key(_ time: Int64, _ camera: String = "cam01") -> DecodedFrameCache.Key { .init(camera: camera, captureMicroseconds: time) }

    @Test func leastRecentlyUsedGoesFirst() {
        var cache = DecodedFrameCache(capacityBytes: 36)  // three 2×2 images
        for time in 0..<3 { cache.insert(image(UInt8(time)), for: key(Int64(time))) }
        #expect(cache.image(for: key(0)) == image(0), "0 is now the most recently used")
        cache.insert(image(3), for: key(3))
        #expect(cache.image(for: key(1)) == nil, "1 was the least recently used")
        #expect(cache.image(for: key(0)) != nil && cache.image(for: key(2)) != nil && cache.image(for: key(3)) != nil)
        #expect(cache.bytes == 36 && cache.count == 3)
        #expect(cache.image(for: key(0, "cam02")) == nil, "keys include the camera")
    }

    @Test func replacingAnImageKeepsTheByteCount() {
        var cache = DecodedFrameCache(capacityBytes: 36)
        cache.insert(image(1), for: key(1))
        cache.insert(image(2), for: key(1))
        #expect(cache.bytes == 12 && cache.image(for: key(1)) == image(2))
    }

    @Test func manyUsesStayWithinTheCap() {
        var cache = DecodedFrameCache(capacityBytes: 120)
        for round in 0..<10_000 {
            let time = Int64(round % 17)
            if cache.image(for: key(time)) == nil { cache.insert(image(UInt8(time)), for: key(time)) }
            #expect(cache.bytes <= 120)
        }
        #expect(cache.count == 10)
    }

    @Test func countsHitsMissesAndEvictions() {
        var cache = DecodedFrameCache(capacityBytes: 24)  // two 2×2 images
        #expect(cache.image(for: key(0)) == nil)
        for time in 0..<3 { cache.insert(image(UInt8(time)), for: key(Int64(time))) }
        _ = cache.image(for: key(2))
        _ = cache.image(for: key(1))
        _ = cache.image(for: key(0))
        #expect(cache.hits == 2 && cache.misses == 2 && cache.evictions == 1)
    }

    @Test func anImageLargerThanTheCapIsNotCached() {
        var cache = DecodedFrameCache(capacityBytes: 10)
        cache.insert(image(1), for: key(1))
        #expect(cache.count == 0 && cache.bytes == 0)
    }
}

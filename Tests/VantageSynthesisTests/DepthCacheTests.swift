import Foundation
import Testing
import VantageMedia
@testable import VantageSynthesis

struct DepthCacheTests {
    /// A 10×10 estimate: 800 bytes of depth and confidence.
    static func estimate(_ value: Float) -> DepthEstimate {
        DepthEstimate(depth: DepthMap(width: 10, height: 10, values: [Float](repeating: value, count: 100)),
                      confidence: [Float](repeating: 1, count: 100))
    }

    @Test func hitsMissesAndLeastRecentlyUsedEviction() throws {
        let cache = DepthCache(capacityBytes: 2000)   // room for two estimates
        var computed: [String] = []
        func get(_ camera: String, _ time: Int64) throws -> Float {
            try cache.estimate(camera: camera, captureMicroseconds: time) {
                computed.append("\(camera)@\(time)")
                return Self.estimate(Float(time))
            }.depth.values[0]
        }
        #expect(try get("a", 1) == 1)
        #expect(try get("a", 2) == 2)
        #expect(try get("a", 1) == 1)          // hit; a@1 is now the most recently used
        #expect(try get("b", 1) == 1)          // evicts a@2, the least recently used
        #expect(try get("a", 1) == 1)          // still there
        #expect(try get("a", 2) == 2)          // computed again
        #expect(computed == ["a@1", "a@2", "b@1", "a@2"])
        let statistics = cache.statistics
        #expect(statistics.hits == 2 && statistics.misses == 4 && statistics.evictions == 2 && statistics.bytes == 1600)
    }

    @Test func anEstimateLargerThanTheCapIsReturnedButNotKept() throws {
        let cache = DepthCache(capacityBytes: 500)
        let value = try cache.estimate(camera: "a", captureMicroseconds: 0) { Self.estimate(3) }
        #expect(value.depth.values[0] == 3)
        #expect(cache.statistics.bytes == 0 && cache.statistics.misses == 1)
    }

    @Test func failuresAreThrownAndNotCached() throws {
        let cache = DepthCache()
        #expect(throws: SynthesisError.self) {
            try cache.estimate(camera: "a", captureMicroseconds: 0) { () throws(SynthesisError) -> DepthEstimate in
                throw SynthesisError(.notEnoughSources, "no neighbours")
            }
        }
        let value = try cache.estimate(camera: "a", captureMicroseconds: 0) { Self.estimate(5) }
        #expect(value.depth.values[0] == 5 && cache.statistics.misses == 2)
    }

    @Test func concurrentRequestsForOneKeyComputeOnce() {
        let cache = DepthCache()
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let value = try? cache.estimate(camera: "a", captureMicroseconds: 7) {
                counter.increment()
                Thread.sleep(forTimeInterval: 0.05)
                return Self.estimate(7)
            }
            #expect(value?.depth.values[0] == 7)
        }
        #expect(counter.value == 1)
        #expect(cache.statistics.hits == 7 && cache.statistics.misses == 1)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

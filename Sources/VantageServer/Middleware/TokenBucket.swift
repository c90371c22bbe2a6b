import Foundation
import VantageTransport

/// Per-client token buckets: each client may make `burst` requests at once and `rate` per second
/// on average. At most `capacity` clients are remembered; beyond that the bucket idle longest is
/// forgotten (a forgotten client starts again with a full bucket), so memory stays bounded
/// whatever the number of clients.
final class TokenBuckets: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let rate: Double
    let burst: Double
    let capacity: Int
    private let buckets = Locked<[String: Bucket]>([:])

    init(rate: Double, burst: Double, capacity: Int) {
        precondition(rate > 0 && burst >= 1 && capacity >= 1)
        self.rate = rate
        self.burst = burst
        self.capacity = capacity
    }

    /// Takes one token for `client` at time `now` (seconds on a monotonic clock); `nil` when
    /// granted, else the seconds until a token will be there.
    func take(client: String, now: Double) -> Double? {
        buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now - bucket.updated) * rate)
            bucket.updated = now
            defer {
                if buckets[client] == nil && buckets.count >= capacity { Self.forgetIdlest(&buckets, now: now, rate: rate, burst: burst) }
                buckets[client] = bucket
            }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / rate }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Clients remembered now.
    var count: Int { buckets.withLock { $0.count } }

    /// Clients whose last request came at most `seconds` before `now`.
    func active(within seconds: Double, now: Double) -> Int {
        buckets.withLock { $0.values.count { now - $0.updated <= seconds } }
    }

    /// Drops every full bucket (they hold nothing a fresh one would not), or else the idlest one.
    private static func forgetIdlest(_ buckets: inout [String: Bucket], now: Double, rate: Double, burst: Double) {
        let before = buckets.count
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * rate < burst }
        if buckets.count == before, let idlest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets[idlest] = nil
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import VantageServer

/// A client that floods the server gets 429s with Retry-After, never a 5xx, and the limiter's
/// memory stays bounded whatever the number of clients.
@Suite struct RateLimitTests {
    @Test func athousandRequestsInASecondGet429s() async throws {
        // A slow refill keeps the count exact however long a busy machine takes to send them.
        let rate = 0.01, burst = 100.0
        try await ServerFixture.test(options: { $0.requestsPerSecond = rate; $0.requestBurst = burst }) { client, _ in
            let started = ContinuousClock.now
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<1000 {
                    let uri = index % 2 == 0 ? "/api/replay" : "/api/render?time=nan&camera=x"
                    group.addTask { try await client.execute(uri: uri, method: .get) { ($0.status.code, $0.headers[.retryAfter]) } }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let limited = statuses.filter { $0.0 == 429 }
            let codes = statuses.map(\.0)
            #expect(codes.allSatisfy { (400..<500).contains($0) || $0 == 200 }, "\(Set(codes).sorted())")
            let elapsed = ContinuousClock.now - started
            let refilled = Int((rate * (Double(elapsed.components.seconds) + 1)).rounded(.up))
            #expect(limited.count >= 1000 - Int(burst) - refilled, "a burst of \(Int(burst)) plus \(refilled) refilled let more through")
            #expect(limited.allSatisfy { $0.1.flatMap(Int.init).map { $0 >= 1 } == true })
        }
    }

    @Test func aClientBeyondItsBurstIsToldWhenToRetry() async throws {
        // One token in 1000 s: no refill, however long a busy machine takes between the requests.
        try await ServerFixture.test(options: { $0.requestBurst = 2; $0.requestsPerSecond = 0.001 }) { client, _ in
            for _ in 0..<2 { try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) } }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.errorMessage?.hasPrefix("rate limit") == true)
                let retry = response.headers[.retryAfter].flatMap(Int.init)
                #expect(retry.map { (1...1000).contains($0) } == true, "Retry-After \(retry.map(String.init) ?? "missing")")
            }
        }
    }

    @Test func bucketsAreBoundedAndRefill() {
        let buckets = TokenBuckets(rate: 10, burst: 3, capacity: 100)
        for index in 0..<20_000 { _ = buckets.take(client: "10.0.\(index / 256).\(index % 256)", now: Double(index) * 1e-4) }
        #expect(buckets.count <= 100)
        #expect((0..<3).allSatisfy { _ in buckets.take(client: "a", now: 10) == nil })
        let wait = buckets.take(client: "a", now: 10)
        #expect(wait.map { abs($0 - 0.1) < 1e-9 } == true)
        #expect(buckets.take(client: "a", now: 10.11) == nil)
    }
}

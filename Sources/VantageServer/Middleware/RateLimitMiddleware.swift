import Foundation
import Hummingbird
import VantageMedia

/// Refuses a client's requests beyond its token bucket with 429 and a `Retry-After` in seconds.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = VantageRequestContext
    let buckets: TokenBuckets
    let metrics: ServerMetrics
    private let start = ContinuousClock.now

    init(options: ServerOptions, metrics: ServerMetrics) {
        buckets = TokenBuckets(rate: options.requestsPerSecond, burst: options.requestBurst, capacity: options.trackedClients)
        self.metrics = metrics
    }

    /// Seconds since the middleware was made, the buckets' clock.
    var now: Double { (ContinuousClock.now - start).seconds }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let wait = buckets.take(client: context.clientKey, now: now) {
            metrics.rateLimited.increment()
            let seconds = max(1, Int(wait.rounded(.up)))
            throw APIError(.tooManyRequests,
                           "rate limit: at most \(Int(buckets.rate)) requests per second (bursts of \(Int(buckets.burst))) per client; retry in \(seconds) s",
                           headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}

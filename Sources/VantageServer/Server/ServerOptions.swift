import Foundation
import VantageGeometry

/// What `vantage serve` lets its users do, and how much of the machine they may take.
/// `validate()` runs before the server starts.
public struct ServerOptions: Sendable {
    /// Largest render a client may ask for, in pixels (width × height); 1920×1080 by default.
    public var maxRenderPixels = 1920 * 1080
    /// Largest width or height a client may ask for, in pixels.
    public var maxRenderSide = 4096
    /// Render requests that may wait behind the one being rendered; more are refused with 503.
    public var renderQueueCapacity = 8
    /// Interactive viewer sessions (WebSockets) open at once; more are refused with 503.
    public var maxSessions = 32
    /// MPEG-TS streams (`GET /api/stream.ts`) playing at once; more are refused with 503.
    public var maxStreams = 8
    /// Longest a session's client may take to accept one frame; a client that stops reading for
    /// longer loses its session (and its slot), so it never holds the server's memory or a slot.
    public var sessionSendTimeout: Duration = .seconds(10)
    /// Most frames one highlight job may render (3000: two minutes at 25 fps).
    public var maxJobFrames = 3000
    /// Where highlight jobs write their clips; a fresh temporary folder when nil.
    public var jobsDirectory: URL?
    /// Requests per second each client (remote address) may make on average.
    public var requestsPerSecond = 50.0
    /// Requests a client may make in one burst, above the average rate.
    public var requestBurst = 100.0
    /// Clients the rate limiter remembers at once; the idlest are forgotten beyond it.
    public var trackedClients = 10_000
    /// Bytes the view model may keep in its depth cache.
    public var depthCacheBytes = 1 << 30
    /// The director's secret; `nil` refuses every director route.
    public var directorToken: String?

    public init() {}

    /// The render limit, as text for messages.
    public var maxRenderSizeText: String { "at most \(maxRenderPixels) pixels, and \(maxRenderSide) on a side" }

    /// Throws a `ServerError` naming the first option out of range.
    public func validate() throws(ServerError) {
        guard maxRenderPixels >= 1 else { throw ServerError("max render size must be at least 1 pixel, found \(maxRenderPixels)") }
        guard (1...8192).contains(maxRenderSide) else { throw ServerError("max render side must be 1...8192 pixels, found \(maxRenderSide)") }
        guard maxSessions >= 1 else { throw ServerError("max sessions must be at least 1, found \(maxSessions)") }
        guard maxJobFrames >= 1 else { throw ServerError("max job frames must be at least 1, found \(maxJobFrames)") }
        guard maxStreams >= 1 else { throw ServerError("max streams must be at least 1, found \(maxStreams)") }
        guard sessionSendTimeout > .zero else { throw ServerError("session send timeout must be positive, found \(sessionSendTimeout)") }
        guard renderQueueCapacity >= 0 else { throw ServerError("render queue capacity must be 0 or more, found \(renderQueueCapacity)") }
        guard requestsPerSecond.isFinite, requestsPerSecond > 0 else { throw ServerError("requests per second must be positive, found \(requestsPerSecond)") }
        guard requestBurst.isFinite, requestBurst >= 1 else { throw ServerError("request burst must be at least 1, found \(requestBurst)") }
        guard trackedClients >= 1 else { throw ServerError("tracked clients must be at least 1, found \(trackedClients)") }
        guard depthCacheBytes >= 0 else { throw ServerError("depth cache bytes must be 0 or more, found \(depthCacheBytes)") }
        if let directorToken, directorToken.isEmpty { throw ServerError("the director token is empty") }
    }

    /// Sets the render limit from `WxH` text: at most that many pixels, and neither side beyond the larger one.
    public mutating func setMaxRenderSize(_ text: String) throws(ServerError) {
        guard let size = ImageSize(parsing: text), size.width > 0, size.height > 0 else {
            throw ServerError("max render size '\(text)': expected WxH with positive sides, e.g. 1920x1080")
        }
        maxRenderPixels = size.width * size.height
        maxRenderSide = min(8192, max(size.width, size.height))
    }
}

/// A server that cannot start or serve: bad options, an unreadable store or token file.
public struct ServerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

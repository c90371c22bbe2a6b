import VantageSynthesis
import VantageTransport

/// What `GET /api/replay` and `/health` tell about the replay: a snapshot, safe to read from any
/// thread (the frame source itself belongs to the render thread).
public struct ReplayInfo: Codable, Sendable, Equatable {
    public var durationSeconds: Double
    public var framesPerSecond: Double
    public var moments: Int
    public var completeMoments: Int
    public var firstCaptureMicroseconds: Int64?
    public var lastCaptureMicroseconds: Int64?

    init(_ source: StoreFrameSource) {
        durationSeconds = source.durationSeconds
        framesPerSecond = source.framesPerSecond
        moments = source.moments.count
        completeMoments = source.moments.count(where: \.isComplete)
        firstCaptureMicroseconds = source.moments.first?.captureMicroseconds
        lastCaptureMicroseconds = source.moments.last?.captureMicroseconds
    }

    /// The last replay time a render may ask for: the start of the last frame.
    var lastFrameStartSeconds: Double { max(0, durationSeconds - 1 / framesPerSecond) }

    /// `seconds` if it lies in the replay, else a 400 naming `field` and the range.
    func checkTime(_ seconds: Double, field: String) throws(APIError) -> Double {
        guard seconds.isFinite else { throw .badRequest("\(field): expected a finite number of seconds, found \(seconds)") }
        guard moments > 0 else { throw APIError(.conflict, "\(field): the replay holds no moment yet") }
        guard seconds >= 0, seconds <= lastFrameStartSeconds + 1e-6 else {
            throw .badRequest("\(field): \(seconds) s is outside the replay (0...\(lastFrameStartSeconds) s)")
        }
        return seconds
    }
}

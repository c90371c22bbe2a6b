import Foundation

/// A highlight job as `GET /api/jobs/{id}` shows it.
public struct JobStatus: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case queued, rendering, done, failed, cancelled
    }

    public var id: String
    /// The camera path's name.
    public var name: String
    public var state: State
    public var framesDone: Int
    public var frameCount: Int
    /// framesDone / frameCount.
    public var progress: Double
    /// Seconds left at the rate so far, while rendering.
    public var etaSeconds: Double?
    public var width: Int
    public var height: Int
    public var framesPerSecond: Int
    /// Seconds of clip.
    public var durationSeconds: Double
    /// Why it failed.
    public var error: String?
    /// Where the MP4 is, once done.
    public var resultURL: String?
}

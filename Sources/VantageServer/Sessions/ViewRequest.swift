import Foundation
import VantageGeometry

/// What a session's client asks for: a numbered view, checked before it enters the mailbox.
struct ViewRequest: Sendable {
    var id: Int
    var camera: Camera
    var seconds: Double
    /// When it arrived, for its latency.
    var arrival: ContinuousClock.Instant
    /// Time since the client's previous request arrived (rendered or not): short while the
    /// camera moves.
    var sincePrevious: Duration?
}

/// A client's message: the render body of `POST /api/render` plus its number.
struct ViewMessage: Decodable {
    var id: Int?
    var time: Double?
    var pose: RenderBody.Pose?
    var seat: [Double]?
    var camera: String?
    var size: RenderBody.Size?

    var renderBody: RenderBody { RenderBody(time: time, pose: pose, seat: seat, camera: camera, size: size, format: nil, quality: nil) }
}

/// What the server sends before each frame's bytes (and, with `error`, instead of a frame).
struct FrameHeaderMessage: Encodable {
    var id: Int
    var width: Int?
    var height: Int?
    var captureMicroseconds: Int64?
    /// `jpeg`, or the WebCodecs codec string of the H.264 access unit that follows.
    var codec: String?
    /// The frame decodes on its own (H.264: an IDR picture with its parameter sets).
    var keyframe: Bool?
    /// Microseconds since the session began, increasing: a decoder's presentation timestamp.
    var timestamp: Int64?
    /// Rendered small because the camera was moving.
    var moving: Bool?
    /// Requests of this session replaced before they were rendered, so far.
    var dropped: Int?
    var error: String?
}

import Foundation
import VantageGeometry

/// What a session's client asks for: a numbered view, checked before it enters the mailbox.
struct ViewRequest: Sendable {
    var id: Int
    var camera: Camera
    var seconds: Double
    /// When it arrived, to tell a moving camera from one at rest.
    var arrival: ContinuousClock.Instant
}

/// A client's message: the render body of `POST /api/render` plus its number.
struct ViewMessage: Decodable {
    var id: Int?
    var time: Double?
    var pose: RenderBody.Pose?
    var camera: String?
    var size: RenderBody.Size?

    var renderBody: RenderBody { RenderBody(time: time, pose: pose, camera: camera, size: size, format: nil, quality: nil) }
}

/// What the server sends before each frame's JPEG bytes (and, with `error`, instead of a frame).
struct FrameHeaderMessage: Encodable {
    var id: Int
    var width: Int?
    var height: Int?
    var captureMicroseconds: Int64?
    /// Rendered small because the camera was moving.
    var moving: Bool?
    /// Requests of this session replaced before they were rendered, so far.
    var dropped: Int?
    var error: String?
}

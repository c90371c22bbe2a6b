import Foundation
import VantageGeometry
import VantageMedia

/// The frames of held-out cameras exactly as recorded (lens distortion kept, alpha composited onto
/// white as for sources): the truth an evaluation compares renders of the distorted camera with.
public final class TruthFrames {
    private var feeds: [String: CameraFeed] = [:]

    /// Opens the media of each named camera of `rig`; `rigDirectory` resolves relative paths.
    public init(rig: Rig, rigDirectory: URL, cameras names: [String]) throws(SynthesisError) {
        for name in names {
            guard let rigCamera = rig.camera(named: name), let media = rigCamera.media else {
                throw SynthesisError(.invalidOptions, "camera '\(name)' has no media in rig '\(rig.name)' to compare with")
            }
            // The pinhole twin keeps the feed from undistorting the frames.
            feeds[name] = try CameraFeed(camera: rigCamera.camera.pinholeTwin, location: media.resolvedLocation(rigDirectory: rigDirectory),
                                         offsetMicroseconds: media.offsetMicroseconds)
        }
    }

    /// The named camera's frame at a capture time (a moment's `captureMicroseconds`).
    public func frame(of name: String, captureMicroseconds: Int64) throws(SynthesisError) -> PlanarFloatImage {
        guard let feed = feeds[name] else { preconditionFailure("TruthFrames was not opened for camera \(name)") }
        let streamSeconds = Double(captureMicroseconds - feed.offsetMicroseconds) / 1e6
        guard let view = try feed.view(atStreamSeconds: streamSeconds) else {
            throw SynthesisError(.outsideReplay, "camera '\(name)' has no frame at capture time \(captureMicroseconds) µs")
        }
        return view.image
    }
}

import Foundation
import VantageGeometry

/// Moments read straight from the media files a rig names (videos or still images).
///
/// Replay time 0 is the earliest capture time of any camera's first frame; a camera's stream time
/// is capture time minus its media offset. Not thread-safe: one owner at a time.
public final class RigFrameSource: FrameSource {
    public let cameras: [Camera]
    public let framesPerSecond: Double
    public let durationSeconds: Double
    public var sourceNames: [String] { feeds.keys.sorted() }
    /// Cameras whose media could not be opened, with the reason; they are missing from every moment.
    public let unavailable: [String: String]
    private let feeds: [String: CameraFeed]
    private let replayStartMicroseconds: Int64

    /// Opens the media of every camera that has some; `rigDirectory` resolves relative paths.
    /// Throws only when no camera at all can deliver frames.
    public init(rig: Rig, rigDirectory: URL) throws(SynthesisError) {
        var feeds: [String: CameraFeed] = [:]
        var unavailable: [String: String] = [:]
        var cameras: [Camera] = []
        for rigCamera in rig.cameras {
            guard let media = rigCamera.media else {
                cameras.append(rigCamera.camera)
                continue
            }
            do {
                let feed = try CameraFeed(camera: rigCamera.camera, location: media.resolvedLocation(rigDirectory: rigDirectory),
                                          offsetMicroseconds: media.offsetMicroseconds)
                feeds[feed.camera.name] = feed
                cameras.append(feed.camera)
            } catch {
                unavailable[rigCamera.camera.name] = error.message
                cameras.append(rigCamera.camera)
            }
        }
        guard !feeds.isEmpty else {
            let reasons = unavailable.isEmpty ? "no camera names any media" : unavailable.values.sorted().joined(separator: "; ")
            throw SynthesisError(.notEnoughSources, "rig '\(rig.name)': no camera delivers frames (\(reasons))")
        }
        self.cameras = cameras
        self.feeds = feeds
        self.unavailable = unavailable
        let videoFeeds = feeds.values.filter { $0.framesPerSecond != nil }
        if videoFeeds.isEmpty {
            framesPerSecond = 1
            durationSeconds = 1
            replayStartMicroseconds = 0
        } else {
            framesPerSecond = videoFeeds.compactMap(\.framesPerSecond).max()!
            let start = videoFeeds.map(\.offsetMicroseconds).min()!
            replayStartMicroseconds = start
            durationSeconds = videoFeeds.map { feed in
                Double(feed.offsetMicroseconds - start) / 1e6 + (feed.durationSeconds ?? 0)
            }.max()!
        }
    }

    public func moment(at time: ReplayTime, cameras names: Set<String>? = nil) throws(SynthesisError) -> Moment {
        let seconds = try seconds(of: time)
        let captureMicroseconds = replayStartMicroseconds + Int64((seconds * 1e6).rounded())
        var views: [SourceView] = []
        var missing: [String] = unavailable.keys.filter { names?.contains($0) ?? true }.sorted()
        for name in feeds.keys.sorted() where names?.contains(name) ?? true {
            let feed = feeds[name]!
            let streamSeconds = Double(captureMicroseconds - feed.offsetMicroseconds) / 1e6
            if let view = try? feed.view(atStreamSeconds: streamSeconds) {
                views.append(view)
            } else {
                missing.append(name)
            }
        }
        return Moment(captureMicroseconds: captureMicroseconds, views: views, missingCameras: missing)
    }
}

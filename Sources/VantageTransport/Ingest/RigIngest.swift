import Foundation
import VantageGeometry

/// Reads the media of some cameras of a rig and publishes their frames, interleaved by capture
/// time, as fast as possible or paced like live cameras, once or in a loop.
public final class RigIngest {
    public let rig: Rig
    public let cameraNames: [String]
    public let options: IngestOptions
    private let rigDirectory: URL
    private var feeds: [CameraPacketFeed] = []
    /// The frame each feed will send next.
    private var pending: [WireFrame?] = []
    /// Added to every capture time of the current pass (loops continue the clock).
    private var passOffset: Int64 = 0
    /// Capture time covered by one pass, known after the first.
    private var passLength: Int64?
    /// Untimed frames of the passes before the current one, per feed.
    private var untimedBefore: [Int]
    private var summary: IngestSummary

    /// Opens every named camera's media; any camera not in the rig, without media, or whose
    /// media cannot be opened is an error naming it.
    public init(rig: Rig, rigDirectory: URL, cameras: [String], options: IngestOptions) throws(TransportError) {
        guard WireProtocol.isValidName(rig.name) else {
            throw TransportError(.invalidOption, "rig name \"\(rig.name)\" cannot be a topic (no \"/\", not starting with \"@\")")
        }
        for name in cameras where rig.camera(named: name) == nil {
            throw TransportError(.invalidOption, "camera \(name) is not in rig \(rig.name) (it has \(rig.cameras.map(\.camera.name).joined(separator: ", ")))")
        }
        for name in cameras where !WireProtocol.isValidName(name) {
            throw TransportError(.invalidOption, "camera name \"\(name)\" cannot be a topic")
        }
        self.rig = rig
        cameraNames = cameras
        self.options = options
        self.rigDirectory = rigDirectory
        summary = IngestSummary(cameras: [])
        untimedBefore = Array(repeating: 0, count: cameras.count)
        try openPass()
        summary.cameras = feeds.map { IngestSummary.Camera(camera: $0.camera, source: $0.source) }
    }

    /// Publishes until the media end (or forever with `loop`) or `shouldStop` returns true.
    /// `progress` is called about once a second.
    public func run(publisher: FramePublisher, shouldStop: () -> Bool,
                    progress: (IngestSummary) -> Void = { _ in }) throws(TransportError) -> IngestSummary {
        let started = Date()
        var lastProgress = Date()
        var paceOrigin: (wall: Date, capture: Int64)?
        while !shouldStop() {
            guard let index = nextFeed() else {
                summary.passes += 1
                guard options.loop else { break }
                try startNextPass()
                continue
            }
            guard let frame = pending[index] else { continue }
            if options.realtime {
                let origin = paceOrigin ?? (Date(), frame.header.captureMicroseconds)
                paceOrigin = origin
                try pace(until: origin.wall.addingTimeInterval(Double(frame.header.captureMicroseconds - origin.capture) / 1e6),
                         publisher: publisher, shouldStop: shouldStop)
            }
            try publisher.publish(frame.header, payload: frame.payload)
            record(frame, feed: index)
            pending[index] = try feeds[index].next().map(shifted)
            if Date().timeIntervalSince(lastProgress) >= 1 {
                lastProgress = Date()
                summary.seconds = Date().timeIntervalSince(started)
                progress(summary)
            }
        }
        for (index, feed) in feeds.enumerated() { summary.cameras[index].untimedFrames = untimedBefore[index] + feed.untimedFrames }
        summary.seconds = Date().timeIntervalSince(started)
        try publisher.sendHeartbeat()
        // Up to 200 frames can still be queued when the media end; give subscribers time to take them.
        try publisher.drainOnClose(seconds: 10)
        return summary
    }

    /// The feed whose next frame is earliest; nil when every feed is finished.
    private func nextFeed() -> Int? {
        pending.indices.filter { pending[$0] != nil }
            .min { pending[$0]!.header.captureMicroseconds < pending[$1]!.header.captureMicroseconds }
    }

    private func openPass() throws(TransportError) {
        feeds = []
        for name in cameraNames {
            feeds.append(try CameraPacketFeed(rig: rig.name, camera: rig.camera(named: name)!, rigDirectory: rigDirectory, raw: options.raw))
        }
        pending = []
        for feed in feeds { pending.append(try feed.next().map(shifted)) }
    }

    /// Reopens the media with capture times continuing one frame interval after the first pass's
    /// last frame, so a looped replay never goes back in time.
    private func startNextPass() throws(TransportError) {
        if passLength == nil {
            guard let first = summary.firstCaptureMicroseconds, let last = summary.lastCaptureMicroseconds else {
                throw TransportError(.source, "nothing to loop: the media of \(cameraNames.joined(separator: ", ")) gave no frames")
            }
            let framesPerCamera = max(1, summary.frames / feeds.count)
            passLength = last - first + max(1, (last - first) / Int64(max(1, framesPerCamera - 1)))
        }
        passOffset += passLength!
        for (index, feed) in feeds.enumerated() { untimedBefore[index] += feed.untimedFrames }
        try openPass()
    }

    private func shifted(_ frame: WireFrame) -> WireFrame {
        var frame = frame
        frame.header.captureMicroseconds += passOffset
        return frame
    }

    private func record(_ frame: WireFrame, feed index: Int) {
        summary.cameras[index].frames += 1
        summary.cameras[index].bytes += frame.payload.count
        let capture = frame.header.captureMicroseconds
        summary.firstCaptureMicroseconds = min(summary.firstCaptureMicroseconds ?? capture, capture)
        summary.lastCaptureMicroseconds = max(summary.lastCaptureMicroseconds ?? capture, capture)
    }

    /// Sleeps until `deadline`, sending heartbeats meanwhile.
    private func pace(until deadline: Date, publisher: FramePublisher, shouldStop: () -> Bool) throws(TransportError) {
        while !shouldStop() {
            let wait = deadline.timeIntervalSinceNow
            guard wait > 0 else { return }
            Thread.sleep(forTimeInterval: min(wait, 0.05))
            try publisher.heartbeatIfDue()
        }
    }
}

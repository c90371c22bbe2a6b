import Foundation
import VantageGeometry
import VantageMedia

/// Depth for sports replays from two layers:
/// - **background**: each camera's temporal-median plate (`BackgroundPlate`), its stereo depth
///   computed once against the neighbours' plates and reused for every moment, so the static
///   scene cannot flicker from frame to frame;
/// - **foreground**: what differs from the plate at this moment (`ForegroundBlobs`), as
///   billboards standing on the ground (`Billboards`), or this moment's stereo depth when the
///   scene has no ground.
/// Plates are built lazily, per camera, from the frame source.
public final class LayeredDepthProvider: DepthProvider, @unchecked Sendable {
    private let stereo: StereoDepthProvider
    private let frames: any FrameSource
    private let lock = NSLock()
    private var plates: [String: SourceView] = [:]
    /// The estimates of the last moment asked for: bullet time renders one moment from many
    /// viewpoints, and finding its blobs and billboards again per frame was a serial stretch.
    private var lastMoment: (key: MomentKey, estimates: [String: DepthEstimate])?

    /// What an estimate depends on: the moment's frames (its capture time) and which cameras it
    /// has (their plates are the stereo neighbours).
    private struct MomentKey: Equatable {
        let captureMicroseconds: Int64
        let cameras: [String]
    }

    /// Capture time under which plate depth is cached (no real moment has it).
    static let plateMoment = Int64.min

    public init(stereo: StereoDepthProvider, frames: any FrameSource) {
        self.stereo = stereo
        self.frames = frames
    }

    public func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate {
        let key = MomentKey(captureMicroseconds: moment.captureMicroseconds, cameras: moment.views.map(\.name))
        if let known = lock.withLock({ lastMoment?.key == key ? lastMoment?.estimates[camera] : nil }) { return known }
        let estimate = try layeredDepth(of: camera, in: moment)
        lock.withLock {
            if lastMoment?.key != key { lastMoment = (key, [:]) }
            lastMoment?.estimates[camera] = estimate
        }
        return estimate
    }

    /// The background plate's stereo depth with this moment's foreground on top.
    private func layeredDepth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate {
        guard let view = moment.view(named: camera) else {
            throw SynthesisError(.unreadableFrame, "camera \(camera) has no frame at \(moment.captureMicroseconds) µs")
        }
        var plateViews: [SourceView] = []
        for other in moment.views { plateViews.append(try plate(of: other.name)) }
        let plateMoment = Moment(captureMicroseconds: Self.plateMoment, views: plateViews)
        let background = try stereo.depth(of: camera, in: plateMoment)
        let blobs = ForegroundBlobs(frame: view.image, plate: plateMoment.view(named: camera)!.image)
        guard !blobs.feet.isEmpty else { return background }
        if let groundHeight = stereo.groundHeight {
            return Billboards.apply(blobs, to: background, camera: view.camera, groundHeight: groundHeight)
        }
        // No ground: the moment's own stereo depth where things moved.
        let current = try stereo.depth(of: camera, in: moment)
        var merged = background
        merged.foreground = blobs.label.map { $0 >= 0 }
        for pixel in blobs.label.indices where blobs.label[pixel] >= 0 {
            merged.depth.values[pixel] = current.depth.values[pixel]
            merged.confidence[pixel] = current.confidence[pixel]
        }
        return merged
    }

    /// The camera's background plate, built on first use from frames sampled across the replay.
    public func plate(of camera: String) throws(SynthesisError) -> SourceView {
        lock.lock()
        defer { lock.unlock() }
        if let plate = plates[camera] { return plate }
        let count = BackgroundPlate.sampleCount
        let duration = max(frames.durationSeconds - 1 / frames.framesPerSecond, 0)
        var samples: [SourceView] = []
        for index in 0..<count {
            let seconds = duration * Double(index) / Double(max(count - 1, 1))
            if let view = try frames.moment(at: .seconds(seconds), cameras: [camera]).view(named: camera) { samples.append(view) }
        }
        guard !samples.isEmpty else {
            throw SynthesisError(.unreadableFrame, "camera \(camera): no frame to build its background from")
        }
        let plate = BackgroundPlate.median(of: samples)
        plates[camera] = plate
        return plate
    }
}

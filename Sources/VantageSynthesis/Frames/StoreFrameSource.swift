import Foundation
import VantageGeometry
import VantageMedia
import VantageReplay
import VantageTransport

/// Moments read from a replay store: the frames the recorder kept, grouped by capture time with
/// the `Synchronizer` (tolerance: half a frame interval unless given). The second `FrameSource`
/// beside `RigFrameSource`, so the view model renders recorded replays exactly as it renders files.
///
/// Replay time 0 is the first moment; `ReplayTime.frame(n)` is n frame intervals later. The
/// moments are those of the store when this source was made. Not thread-safe: one owner at a time.
public final class StoreFrameSource: FrameSource {
    public let cameras: [Camera]
    public let sourceNames: [String]
    public let framesPerSecond: Double
    public let durationSeconds: Double
    /// The synchronized moments, in time order.
    public let moments: [SyncedMoment]
    private let decoder: ReplayDecoder
    private let undistorters: [String: LensResampler]
    private let calibrated: [String: Camera]

    /// Reads the store's index; throws when no camera of `rig` has frames in it.
    public init(rig: Rig, store: ReplayStore, toleranceMicroseconds: Int64? = nil) throws(SynthesisError) {
        let stored = Set(store.cameras)
        let names = rig.cameras.map(\.camera.name).filter { stored.contains($0) }
        guard !names.isEmpty else {
            throw SynthesisError(.notEnoughSources, "replay store \(store.directory.path) holds no camera of rig '\(rig.name)' (it holds \(store.cameras.joined(separator: ", ")))")
        }
        let captureTimes = Dictionary(uniqueKeysWithValues: names.map { ($0, store.captureTimes(camera: $0)) })
        let halfInterval = max(1, Synchronizer.halfFrameInterval(captureTimes) ?? 500_000)
        moments = Synchronizer(cameras: names, toleranceMicroseconds: toleranceMicroseconds ?? halfInterval).moments(captureTimes)
        var cameras: [Camera] = [], calibrated: [String: Camera] = [:], undistorters: [String: LensResampler] = [:]
        for rigCamera in rig.cameras {
            var camera = rigCamera.camera
            if let first = store.index(camera: camera.name).first, let size = try? store.frame(at: first).header {
                guard let fitted = camera.fitted(toMediaWidth: size.width, height: size.height) else {
                    throw SynthesisError(.unreadableFrame, "camera \(camera.name): stored frames are \(size.width)x\(size.height) but the calibration is \(camera.size.width)x\(camera.size.height)")
                }
                camera = fitted
                calibrated[camera.name] = camera
                if !camera.distortion.isNone { undistorters[camera.name] = LensResampler.undistorting(camera) }
            }
            cameras.append(camera)
        }
        self.cameras = cameras
        self.calibrated = calibrated
        self.undistorters = undistorters
        sourceNames = names.sorted()
        framesPerSecond = 1e6 / Double(2 * halfInterval)
        let span = moments.isEmpty ? 0 : Double(moments.last!.captureMicroseconds - moments.first!.captureMicroseconds) / 1e6
        durationSeconds = span + 1 / framesPerSecond
        decoder = ReplayDecoder(store: store)
    }

    public func moment(at time: ReplayTime, cameras names: Set<String>? = nil) throws(SynthesisError) -> Moment {
        let seconds = try seconds(of: time)
        guard let first = moments.first else { throw SynthesisError(.outsideReplay, "the replay store holds no moment") }
        let target = first.captureMicroseconds + Int64((seconds * 1e6).rounded())
        let synced = nearestMoment(to: target)
        var views: [SourceView] = []
        var missing = synced.missingCameras.filter { names?.contains($0) ?? true }
        for (name, capture) in synced.frames.sorted(by: { $0.key < $1.key }) where names?.contains(name) ?? true {
            guard let camera = calibrated[name], let image = try? decoder.image(camera: name, captureMicroseconds: capture) else {
                missing.append(name)
                continue
            }
            var planes = PlanarFloatImage(image)
            if let undistorter = undistorters[name] { planes = undistorter.apply(to: planes) }
            views.append(SourceView(camera: camera.pinholeTwin, image: planes, coverage: nil))
        }
        return Moment(captureMicroseconds: synced.captureMicroseconds, views: views, missingCameras: missing.sorted())
    }

    private func nearestMoment(to capture: Int64) -> SyncedMoment {
        var low = 0, high = moments.count - 1
        while low < high {
            let middle = (low + high) / 2
            if moments[middle].captureMicroseconds < capture { low = middle + 1 } else { high = middle }
        }
        if low > 0 && capture - moments[low - 1].captureMicroseconds <= moments[low].captureMicroseconds - capture { return moments[low - 1] }
        return moments[low]
    }
}

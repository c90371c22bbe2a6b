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
/// moments are those of the store when this source was made or last `refresh()`ed (a store being
/// recorded keeps growing). Not thread-safe: one owner at a time.
public final class StoreFrameSource: FrameSource {
    public let rig: Rig
    public let store: ReplayStore
    public private(set) var cameras: [Camera] = []
    public private(set) var sourceNames: [String] = []
    public private(set) var framesPerSecond = 1.0
    public private(set) var durationSeconds = 1.0
    /// The synchronized moments, in time order.
    public private(set) var moments: [SyncedMoment] = []
    private let toleranceMicroseconds: Int64?
    /// Decodes the stored frames; thread-safe, so its cache statistics can be read from anywhere.
    public let decoder: ReplayDecoder
    private var undistorters: [String: LensResampler] = [:]
    /// Rig cameras fitted to their stored frames' size, by name.
    private var calibrated: [String: Camera] = [:]

    /// Reads the store's index; throws when no camera of `rig` has frames in it.
    public init(rig: Rig, store: ReplayStore, toleranceMicroseconds: Int64? = nil) throws(SynthesisError) {
        self.rig = rig
        self.store = store
        self.toleranceMicroseconds = toleranceMicroseconds
        decoder = ReplayDecoder(store: store)
        try refresh()
    }

    /// Re-reads the store's index: new frames and cameras join, frames removed by retention
    /// leave. Throws (and keeps the previous moments) when no camera of the rig has frames.
    public func refresh() throws(SynthesisError) {
        let stored = Set(store.cameras)
        let names = rig.cameras.map(\.camera.name).filter { stored.contains($0) }
        guard !names.isEmpty else {
            throw SynthesisError(.notEnoughSources, "replay store \(store.directory.path) holds no camera of rig '\(rig.name)' (it holds \(store.cameras.joined(separator: ", ")))")
        }
        for name in names where calibrated[name] == nil { try calibrate(name) }
        let captureTimes = Dictionary(uniqueKeysWithValues: names.map { ($0, store.captureTimes(camera: $0)) })
        let halfInterval = max(1, Synchronizer.halfFrameInterval(captureTimes) ?? 500_000)
        moments = Synchronizer(cameras: names, toleranceMicroseconds: toleranceMicroseconds ?? halfInterval).moments(captureTimes)
        cameras = rig.cameras.map { calibrated[$0.camera.name] ?? $0.camera }
        sourceNames = names.sorted()
        framesPerSecond = 1e6 / Double(2 * halfInterval)
        let span = moments.isEmpty ? 0 : Double(moments.last!.captureMicroseconds - moments.first!.captureMicroseconds) / 1e6
        durationSeconds = span + 1 / framesPerSecond
    }

    /// Fits the named rig camera to the size of its stored frames and prepares its undistortion.
    private func calibrate(_ name: String) throws(SynthesisError) {
        guard let camera = rig.camera(named: name)?.camera, let first = store.index(camera: name).first,
              let header = try? store.frame(at: first).header else { return }
        guard let fitted = camera.fitted(toMediaWidth: header.width, height: header.height) else {
            throw SynthesisError(.unreadableFrame, "camera \(name): stored frames are \(header.width)x\(header.height) but the calibration is \(camera.size.width)x\(camera.size.height)")
        }
        calibrated[name] = fitted
        if !fitted.distortion.isNone { undistorters[name] = LensResampler.undistorting(fitted) }
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

import Foundation
import VantageGeometry

/// How view models honour the `ViewModel` contract for targets with lens distortion: they render
/// the target's pinhole twin, and this puts the result through the target's lens.
///
/// The per-pixel lens lookup takes longer to build than a baseline render (about 0.2 s for a
/// 1080×1920 target), so the lookups of the last `capacity` cameras are kept for their next frames
/// (an evaluation cycles through its held-out cameras frame after frame).
final class TargetLens: @unchecked Sendable {
    static let capacity = 8
    private let lock = NSLock()
    /// Most recently used last.
    private var recent: [(camera: Camera, resampler: LensResampler)] = []

    /// `pinhole` (a render of `target.pinholeTwin`) as the distorted `target` sees it; unchanged
    /// when the target has no distortion.
    func deliver(_ pinhole: RenderedView, to target: Camera) -> RenderedView {
        guard !target.distortion.isNone else { return pinhole }
        let lens = resampler(for: target)
        return RenderedView(image: lens.apply(to: pinhole.image), confidence: lens.apply(toPlane: pinhole.confidence),
                            sourceNames: pinhole.sourceNames)
    }

    private func resampler(for target: Camera) -> LensResampler {
        lock.lock()
        defer { lock.unlock() }
        let resampler: LensResampler
        if let index = recent.firstIndex(where: { $0.camera == target }) {
            resampler = recent.remove(at: index).resampler
        } else {
            resampler = LensResampler.distorting(target)
            if recent.count == Self.capacity { recent.removeFirst() }
        }
        recent.append((target, resampler))
        return resampler
    }
}

import Foundation
import VantageGeometry

/// How the baseline models honour the `ViewModel` contract for targets with lens distortion: they
/// render the target's pinhole twin, and this puts the result through the target's lens.
///
/// The per-pixel lens lookup takes longer to build than a baseline render (about 0.15 s for a
/// 1080×1920 target), so the last one is kept for the next frame of the same camera.
final class TargetLens: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (camera: Camera, resampler: LensResampler)?

    /// `pinhole` (a render of `target.pinholeTwin`) as the distorted `target` sees it; unchanged
    /// when the target has no distortion.
    func deliver(_ pinhole: RenderedView, to target: Camera) -> RenderedView {
        guard !target.distortion.isNone else { return pinhole }
        let lens = resampler(for: target)
        return RenderedView(image: lens.apply(to: pinhole.image), confidence: lens.apply(toPlane: pinhole.confidence))
    }

    private func resampler(for target: Camera) -> LensResampler {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.camera == target { return last.resampler }
        let resampler = LensResampler.distorting(target)
        last = (target, resampler)
        return resampler
    }
}

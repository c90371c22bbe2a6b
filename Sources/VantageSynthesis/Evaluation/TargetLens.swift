import VantageGeometry

/// How the baseline models honour the `ViewModel` contract for targets with lens distortion: they
/// render the target's pinhole twin, and this puts the result through the target's lens.
enum TargetLens {
    /// `pinhole` (a render of `target.pinholeTwin`) as the distorted `target` sees it; unchanged
    /// when the target has no distortion.
    static func deliver(_ pinhole: RenderedView, to target: Camera) -> RenderedView {
        guard !target.distortion.isNone else { return pinhole }
        let lens = LensResampler.distorting(target)
        return RenderedView(image: lens.apply(to: pinhole.image), confidence: lens.apply(toPlane: pinhole.confidence))
    }
}

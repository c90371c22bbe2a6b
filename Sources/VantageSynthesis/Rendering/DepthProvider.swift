/// Supplies the depth of one source view of a moment; the model asks once per chosen source.
public protocol DepthProvider: Sendable {
    /// Depth of the view named `camera` in `moment`, the size of its frame.
    func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate
}

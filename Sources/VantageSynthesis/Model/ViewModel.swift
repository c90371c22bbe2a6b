import VantageGeometry

/// A model that renders the view of a requested camera from one moment of source frames.
///
/// Implementations must be safe to call from several threads at once; each call is independent
/// except for caches the model keeps itself.
public protocol ViewModel: Sendable {
    /// A short name for tables and logs ("vantage", "nearest", ...).
    var name: String { get }
    /// Renders `target` (any pose and intrinsics; lens distortion is applied to the output) from
    /// the views of `moment`. Throws when the target is invalid or no source sees any of it.
    func render(_ moment: Moment, target: Camera) throws(SynthesisError) -> RenderedView
}

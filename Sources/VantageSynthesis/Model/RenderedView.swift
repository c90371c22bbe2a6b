import VantageMedia

/// A synthesized image and how much the model trusts each of its pixels.
public struct RenderedView: Sendable {
    /// Colour in [0, 1], the target camera's size.
    public var image: PlanarFloatImage
    /// Per-pixel confidence in [0, 1], row-major: 0 where nothing was seen (filled by inpainting),
    /// 1 where several sources agree on geometry and colour.
    public var confidence: [Float]
    /// The source cameras the view was made from, most influential first (empty when the model
    /// does not say).
    public var sourceNames: [String]

    public init(image: PlanarFloatImage, confidence: [Float], sourceNames: [String] = []) {
        precondition(confidence.count == image.width * image.height, "RenderedView needs one confidence per pixel")
        self.image = image
        self.confidence = confidence
        self.sourceNames = sourceNames
    }

    public var meanConfidence: Double {
        confidence.isEmpty ? 0 : Double(confidence.reduce(0, +)) / Double(confidence.count)
    }
}

import VantageMedia

/// Depth of one source camera at one moment, with how much to trust each pixel.
public struct DepthEstimate: Sendable {
    /// Camera-z in metres (world units) per pixel; `+inf` where unknown or empty (backdrop).
    public var depth: DepthMap
    /// Per-pixel confidence in [0, 1], row-major (multi-view consistency and cost distinctiveness).
    public var confidence: [Float]
    /// Per pixel, whether it shows moving foreground (a player, the ball) found by background
    /// subtraction; `nil` when nobody looked. Rendering lets foreground occlude what is behind it.
    public var foreground: [Bool]?

    public init(depth: DepthMap, confidence: [Float], foreground: [Bool]? = nil) {
        precondition(confidence.count == depth.width * depth.height, "DepthEstimate needs one confidence per pixel")
        precondition(foreground.map { $0.count == confidence.count } ?? true, "DepthEstimate needs one foreground flag per pixel")
        self.depth = depth
        self.confidence = confidence
        self.foreground = foreground
    }

    /// Bytes held, for the depth cache's memory cap.
    public var byteCount: Int { (depth.values.count + confidence.count) * MemoryLayout<Float>.size }
}

import VantageMedia

/// Depth of one source camera at one moment, with how much to trust each pixel.
public struct DepthEstimate: Sendable {
    /// Camera-z in metres (world units) per pixel; `+inf` where unknown or empty (backdrop).
    public var depth: DepthMap
    /// Per-pixel confidence in [0, 1], row-major (multi-view consistency and cost distinctiveness).
    public var confidence: [Float]

    public init(depth: DepthMap, confidence: [Float]) {
        precondition(confidence.count == depth.width * depth.height, "DepthEstimate needs one confidence per pixel")
        self.depth = depth
        self.confidence = confidence
    }

    /// Bytes held, for the depth cache's memory cap.
    public var byteCount: Int { (depth.values.count + confidence.count) * MemoryLayout<Float>.size }
}

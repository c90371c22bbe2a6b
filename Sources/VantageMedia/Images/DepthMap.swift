/// Per-pixel depth of one camera view: metres along the camera's optical axis (z in the camera frame,
/// not distance along the ray), `.infinity` where unknown (sky, no surface).
public struct DepthMap: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height` depths, row-major, top row first: pixel (x, y) is at `y * width + x`.
    public var values: [Float]

    /// Wraps existing depths; `values.count` must be `width * height`.
    public init(width: Int, height: Int, values: [Float]) {
        precondition(width > 0 && height > 0, "DepthMap needs a positive size, got \(width)x\(height)")
        precondition(values.count == width * height, "DepthMap \(width)x\(height) needs \(width * height) values, got \(values.count)")
        self.width = width
        self.height = height
        self.values = values
    }

    /// A map with every depth unknown (`.infinity`).
    public init(width: Int, height: Int) {
        self.init(width: width, height: height, values: [Float](repeating: .infinity, count: width * height))
    }

    /// The depth at pixel (x, y); both must be inside the map.
    public subscript(x: Int, y: Int) -> Float {
        get {
            precondition(contains(x: x, y: y), "pixel (\(x), \(y)) outside DepthMap \(width)x\(height)")
            return values[y * width + x]
        }
        set {
            precondition(contains(x: x, y: y), "pixel (\(x), \(y)) outside DepthMap \(width)x\(height)")
            values[y * width + x] = newValue
        }
    }

    /// True when (x, y) is a pixel of the map.
    public func contains(x: Int, y: Int) -> Bool {
        (0..<width).contains(x) && (0..<height).contains(y)
    }
}

extension DepthMap {
    /// Reads a greyscale depth PFM (metres; `inf` for unknown). See `PFM.read` for the checks made.
    public init(pfmAt path: String) throws(MediaError) {
        let contents = try PFM.read(path)
        self.init(width: contents.width, height: contents.height, values: contents.values)
    }

    /// Writes the map as a little-endian greyscale PFM, atomically.
    public func writePFM(to path: String) throws(MediaError) {
        try PFM.write(values: values, width: width, height: height, to: path)
    }
}

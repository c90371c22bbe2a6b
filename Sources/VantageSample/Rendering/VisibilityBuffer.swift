/// What a camera sees of a mesh, per pixel: the nearest triangle, where on it, and at what depth.
public struct VisibilityBuffer: Sendable {
    public let width: Int
    public let height: Int
    /// Camera-frame z (metres along the optical axis) of the nearest surface; `.infinity` where none.
    public var depth: [Float]
    /// Index of the nearest triangle in the mesh; −1 where none.
    public var triangle: [Int32]
    /// Perspective-correct barycentric weights of the triangle's second and third corners
    /// (the first corner's weight is 1 − x − y).
    public var barycentric: [Float2]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        depth = [Float](repeating: .infinity, count: width * height)
        triangle = [Int32](repeating: -1, count: width * height)
        barycentric = [Float2](repeating: .zero, count: width * height)
    }
}

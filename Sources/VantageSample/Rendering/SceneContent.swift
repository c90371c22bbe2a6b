/// What the renderer needs to know about a surface point to colour it.
public struct Fragment: Sendable {
    /// Which of the scene's materials the triangle has.
    public var material: UInt16
    public var pointInWorld: Float3
    /// Perspective-correct texture coordinates.
    public var uv: Float2
    /// Unit normal of the triangle, facing the camera.
    public var normalInWorld: Float3
    /// Unit direction from the camera centre to the point.
    public var viewDirection: Float3
    /// Width of one pixel at this point's depth, in metres (depth / focal length): textures
    /// fade detail finer than this so that distant surfaces do not alias.
    public var footprint: Float

    public init(material: UInt16, pointInWorld: Float3, uv: Float2, normalInWorld: Float3, viewDirection: Float3, footprint: Float) {
        self.material = material
        self.pointInWorld = pointInWorld
        self.uv = uv
        self.normalInWorld = normalInWorld
        self.viewDirection = viewDirection
        self.footprint = footprint
    }
}

/// A scene the renderer can draw: geometry at any time, and how its surfaces look.
/// Implementations must be deterministic (the same time gives the same mesh and colours) and
/// safe to call from several threads at once.
public protocol SceneContent: Sendable {
    /// All triangles at `seconds` from the start of the clip.
    func mesh(atSeconds seconds: Double) -> Mesh
    /// Linear RGB in [0, 1] (before camera exposure) of a visible surface point.
    func shade(_ fragment: Fragment) -> Float3
    /// Linear RGB seen along a ray that hits no triangle (sky), given its unit direction.
    func background(viewDirection: Float3) -> Float3
}

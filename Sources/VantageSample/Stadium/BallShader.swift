import Foundation

/// A white ball with twelve dark patches centred on the vertices of an icosahedron.
enum BallShader {
    static let radius: Float = 0.11
    static let patchAngularRadius: Float = 0.32

    /// `uv` holds the longitude and latitude (radians) of the point in the ball's own frame.
    @inline(__always)
    static func albedo(uv: Float2, footprint: Float) -> Float3 {
        let cosLatitude = cos(uv.y)
        let direction = Float3(cosLatitude * cos(uv.x), cosLatitude * sin(uv.x), sin(uv.y))
        // The icosahedron's vertices are (0, ±1, ±φ) and their cyclic permutations, so with the
        // signs folded away three of them remain.
        let x = abs(direction.x), y = abs(direction.y), z = abs(direction.z)
        let phi: Float = 1.618_034, scale: Float = 1 / 1.902_113  // 1 / √(1 + φ²)
        let towardsVertices = max(max(y + phi * z, x + phi * y), phi * x + z)
        let nearest = towardsVertices * scale
        let angle = (2 * max(1 - nearest, 0)).squareRoot()
        let patch = coverage(signedDistance: (angle - patchAngularRadius) * radius, footprint: footprint)
        return mix(Float3(0.85, 0.85, 0.83), Float3(0.04, 0.04, 0.06), patch)
    }
}

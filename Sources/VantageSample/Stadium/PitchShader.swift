/// Albedo of the grass: mowing stripes, fractal grass noise and the white markings, all faded
/// by the pixel footprint so that distant pitch does not alias.
enum PitchShader {
    static let lightGrass = Float3(0.10, 0.30, 0.06)
    static let darkGrass = Float3(0.07, 0.23, 0.045)
    static let lineColour = Float3(0.86, 0.88, 0.86)
    /// Width of one mowing stripe along x (20 stripes over the pitch length).
    static let stripeWidth: Float = 5.25

    @inline(__always)
    static func albedo(x: Float, y: Float, footprint: Float, salt: UInt32) -> Float3 {
        let grass = stripeColour(x: x, footprint: footprint)
            * (1 + ValueNoise.fractal(x, y, finestWavelength: 0.02, octaves: 7, amplitude: 0.06,
                                      footprint: footprint, salt: salt))
        return mix(grass, lineColour, PitchMarkings.coverage(x: x, y: y, footprint: footprint))
    }

    /// Light and dark bands along x, their edges anti-aliased over the footprint.
    @inline(__always)
    private static func stripeColour(x: Float, footprint: Float) -> Float3 {
        let position = (x + StadiumLayout.halfLength) / stripeWidth
        let band = position.rounded(.down)
        let within = position - band
        let distanceToEdge = min(within, 1 - within) * stripeWidth
        let isLight = Int32(band) & 1 == 0
        let current = isLight ? lightGrass : darkGrass, neighbour = isLight ? darkGrass : lightGrass
        let halfFootprint = max(footprint * 0.5, 1e-4)
        return mix(neighbour, current, smoothstep(-halfFootprint, halfFootprint, distanceToEdge))
    }
}

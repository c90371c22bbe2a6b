/// Sun, ambient light and sky of the stadium: a clear afternoon with the sun high in the
/// south-west (+y is north, +x east).
enum StadiumLighting {
    /// Unit direction towards the sun: azimuth south-west, 50° above the horizon.
    static let towardsSun = normalize(Float3(-0.4545, -0.4545, 0.766))
    static let ambient: Float = 0.45
    static let sunIntensity: Float = 0.6

    /// Linear RGB of a Lambertian surface of `albedo` with unit normal `normal`, clamped to [0, 1].
    @inline(__always)
    static func lit(_ albedo: Float3, normal: Float3) -> Float3 {
        let irradiance = ambient + sunIntensity * max(dot(normal, towardsSun), 0)
        return simd_clamp01(albedo * irradiance)
    }

    static let horizonColour = Float3(0.72, 0.80, 0.88)
    static let zenithColour = Float3(0.16, 0.32, 0.72)

    /// Sky along a unit direction: pale at and below the horizon, deep blue at the zenith.
    @inline(__always)
    static func sky(_ direction: Float3) -> Float3 {
        let elevation = clamp01(direction.z)
        return mix(horizonColour, zenithColour, elevation.squareRoot())
    }

    /// Size in metres of a pixel's footprint on a surface seen at an angle: the renderer's
    /// footprint stretched by the obliquity (geometric mean of the across- and along-view
    /// stretches, capped), so grazing surfaces fade their detail earlier.
    @inline(__always)
    static func surfaceFootprint(_ fragment: Fragment) -> Float {
        let cosine = max(abs(dot(fragment.normalInWorld, fragment.viewDirection)), 0.02)
        return fragment.footprint / cosine.squareRoot()
    }
}

@inline(__always)
func simd_clamp01(_ v: Float3) -> Float3 {
    Float3(clamp01(v.x), clamp01(v.y), clamp01(v.z))
}

/// Hash-based value noise on the ground plane, summed over octaves with footprint-aware fading.
enum ValueNoise {
    /// Smoothly interpolated lattice noise in [0, 1) with mean 1/2, one lattice cell per unit.
    @inline(__always)
    static func sample(_ x: Float, _ y: Float, salt: UInt32) -> Float {
        let cellX = x.rounded(.down), cellY = y.rounded(.down)
        let fx = x - cellX, fy = y - cellY
        let sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy)
        let ix = Int32(cellX), iy = Int32(cellY)
        let v00 = unitFloat(latticeHash(ix, iy, salt)), v10 = unitFloat(latticeHash(ix &+ 1, iy, salt))
        let v01 = unitFloat(latticeHash(ix, iy &+ 1, salt)), v11 = unitFloat(latticeHash(ix &+ 1, iy &+ 1, salt))
        let bottom = v00 + (v10 - v00) * sx, top = v01 + (v11 - v01) * sx
        return bottom + (top - bottom) * sy
    }

    /// Zero-mean fractal noise with `octaves` wavelengths doubling from `finestWavelength` metres,
    /// each contributing ±`amplitude`. An octave whose wavelength is under 2 × `footprint` fades
    /// to its mean (zero), and octaves that have fully faded are not evaluated.
    @inline(__always)
    static func fractal(_ x: Float, _ y: Float, finestWavelength: Float, octaves: Int,
                        amplitude: Float, footprint: Float, salt: UInt32) -> Float {
        var sum: Float = 0
        var wavelength = finestWavelength
        for octave in 0..<octaves {
            let weight = smoothstep(2 * footprint, 4 * footprint, wavelength)
            if weight > 0 {
                let frequency = 1 / wavelength
                let value = sample(x * frequency, y * frequency, salt: salt &+ UInt32(octave) &* 0x9E37_79B9)
                sum += (value - 0.5) * 2 * amplitude * weight
            }
            wavelength *= 2
        }
        return sum
    }
}

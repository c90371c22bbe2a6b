/// Allocation-free helpers for the procedural materials (Float, integer hashing).

/// A well-mixed 32-bit hash of an integer lattice point and a salt.
@inline(__always)
func latticeHash(_ x: Int32, _ y: Int32, _ salt: UInt32) -> UInt32 {
    var h = UInt32(bitPattern: x) &* 0x8DA6_B343
    h ^= UInt32(bitPattern: y) &* 0xD816_3841
    h ^= salt &* 0xCB1A_B31F
    h ^= h >> 15
    h &*= 0x2C1B_3C6D
    h ^= h >> 12
    h &*= 0x297A_2D39
    h ^= h >> 15
    return h
}

/// The top 24 bits of a hash as a value in [0, 1).
@inline(__always)
func unitFloat(_ hash: UInt32) -> Float { Float(hash >> 8) * (1 / Float(1 << 24)) }

@inline(__always)
func clamp01(_ x: Float) -> Float { min(max(x, 0), 1) }

/// Hermite step from 0 at `edge0` to 1 at `edge1` (`edge0 < edge1`).
@inline(__always)
func smoothstep(_ edge0: Float, _ edge1: Float, _ x: Float) -> Float {
    let t = clamp01((x - edge0) / (edge1 - edge0))
    return t * t * (3 - 2 * t)
}

@inline(__always)
func mix(_ a: Float3, _ b: Float3, _ t: Float) -> Float3 { a + (b - a) * t }

/// Coverage in [0, 1] of a shape with signed distance `distance` (negative inside, metres),
/// box-filtered over a pixel `footprint` wide: a smoothstep over ±footprint/2 around the edge.
@inline(__always)
func coverage(signedDistance distance: Float, footprint: Float) -> Float {
    let halfWidth = max(footprint * 0.5, 1e-4)
    return 1 - smoothstep(-halfWidth, halfWidth, distance)
}

/// Coverage of a band `halfWidth` either side of a centre line, at `distance` from that line:
/// the difference of two anti-aliased edges, so a band narrower than a pixel fades to its area
/// fraction instead of flickering.
@inline(__always)
func bandCoverage(distance: Float, halfWidth: Float, footprint: Float) -> Float {
    let halfFootprint = max(footprint * 0.5, 1e-4)
    return smoothstep(-halfFootprint, halfFootprint, distance + halfWidth)
        - smoothstep(-halfFootprint, halfFootprint, distance - halfWidth)
}

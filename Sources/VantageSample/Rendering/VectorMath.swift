/// Small vector helpers for the renderer and the scenes it draws.

@inline(__always)
func dot(_ a: Float3, _ b: Float3) -> Float { (a * b).sum() }

@inline(__always)
func cross(_ a: Float3, _ b: Float3) -> Float3 {
    Float3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

/// `v` scaled to unit length; a zero vector stays zero.
@inline(__always)
func normalize(_ v: Float3) -> Float3 {
    let length = dot(v, v).squareRoot()
    return length > 0 ? v / length : v
}

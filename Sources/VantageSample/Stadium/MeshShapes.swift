import Foundation

/// Low-poly solids for bodies, goals and the ball.
extension Mesh {
    /// A closed box along `frame`'s z axis from `zRange.lowerBound` to `upperBound`, with
    /// half-sizes (x, y) `bottomHalfSize` at the bottom and `topHalfSize` at the top (tapered).
    /// The front (+x) and back (−x) faces get `frontBackMaterial` with uv [0, 1]² laid out as
    /// seen by someone facing them (u right, v down); the other faces get `material`.
    mutating func addTaperedBox(_ frame: LocalFrame, zRange: ClosedRange<Float>, bottomHalfSize: Float2,
                                topHalfSize: Float2, material: UInt16, frontBackMaterial: UInt16? = nil) {
        func corner(_ sx: Float, _ sy: Float, top: Bool) -> Float3 {
            let half = top ? topHalfSize : bottomHalfSize
            return frame.point(Float3(sx * half.x, sy * half.y, top ? zRange.upperBound : zRange.lowerBound))
        }
        let faceMaterial = frontBackMaterial ?? material
        addQuad(corner(1, -1, top: true), corner(1, 1, top: true), corner(1, 1, top: false), corner(1, -1, top: false),
                material: faceMaterial)
        addQuad(corner(-1, 1, top: true), corner(-1, -1, top: true), corner(-1, -1, top: false), corner(-1, 1, top: false),
                material: faceMaterial)
        addQuad(corner(1, 1, top: true), corner(-1, 1, top: true), corner(-1, 1, top: false), corner(1, 1, top: false),
                material: material)
        addQuad(corner(-1, -1, top: true), corner(1, -1, top: true), corner(1, -1, top: false), corner(-1, -1, top: false),
                material: material)
        addQuad(corner(1, 1, top: true), corner(1, -1, top: true), corner(-1, -1, top: true), corner(-1, 1, top: true),
                material: material)
        addQuad(corner(1, 1, top: false), corner(-1, 1, top: false), corner(-1, -1, top: false), corner(1, -1, top: false),
                material: material)
    }

    /// An axis-aligned box between two world corners.
    mutating func addBox(from low: Float3, to high: Float3, material: UInt16) {
        let centre = (low + high) / 2, half = (high - low) / 2
        addTaperedBox(LocalFrame.world.moved(to: Float3(centre.x, centre.y, 0)), zRange: low.z...high.z,
                      bottomHalfSize: Float2(half.x, half.y), topHalfSize: Float2(half.x, half.y), material: material)
    }

    /// A UV sphere of `radius` around `frame`'s origin with uv = (longitude, latitude) in radians
    /// in the frame; `material(latitude)` picks each band's material.
    mutating func addSphere(_ frame: LocalFrame, radius: Float, segments: Int, rings: Int,
                            material: (Float) -> UInt16) {
        func vertex(_ longitude: Float, _ latitude: Float) -> (Float3, Float2) {
            let local = Float3(cos(latitude) * cos(longitude), cos(latitude) * sin(longitude), sin(latitude))
            return (frame.point(local * radius), Float2(longitude, latitude))
        }
        for ring in 0..<rings {
            let lower = Float.pi * (Float(ring) / Float(rings) - 0.5), upper = Float.pi * (Float(ring + 1) / Float(rings) - 0.5)
            let bandMaterial = material((lower + upper) / 2)
            for segment in 0..<segments {
                let west = 2 * Float.pi * Float(segment) / Float(segments)
                let east = 2 * Float.pi * Float(segment + 1) / Float(segments)
                let a = vertex(west, lower), b = vertex(east, lower), c = vertex(east, upper), d = vertex(west, upper)
                if ring > 0 { addTriangle(a.0, b.0, c.0, uv: (a.1, b.1, c.1), material: bandMaterial) }
                if ring < rings - 1 { addTriangle(a.0, c.0, d.0, uv: (a.1, c.1, d.1), material: bandMaterial) }
            }
        }
    }
}

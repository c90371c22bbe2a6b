@testable import VantageSample

/// A fragment seen straight from above (or along `viewDirection`) with the given footprint.
func fragment(_ material: UInt16, at point: Float3, uv: Float2 = .zero, normal: Float3 = Float3(0, 0, 1),
              footprint: Float = 0.01, viewDirection: Float3 = Float3(0, 0, -1)) -> Fragment {
    Fragment(material: material, pointInWorld: point, uv: uv, normalInWorld: normal,
             viewDirection: viewDirection, footprint: footprint)
}

/// Fragments of every material over a spread of points, uvs, normals and footprints.
func sampleFragments() -> [Fragment] {
    var fragments: [Fragment] = []
    let normals = [Float3(0, 0, 1), normalize(Float3(0.3, -0.5, 0.8)), Float3(-1, 0, 0)]
    let footprints: [Float] = [0.001, 0.02, 0.3, 5]
    for material in StadiumMaterial.all {
        for step in 0..<12 {
            let s = Float(step)
            let point = Float3(-59 + 10.3 * s, -39 + 6.9 * s, 0.2 * s)
            let uv = material == StadiumMaterial.ball
                ? Float2(0.55 * s, -1.5 + 0.27 * s) : Float2(s / 11 + 3 * s.truncatingRemainder(dividingBy: 2), s / 11)
            fragments.append(fragment(material, at: point, uv: uv, normal: normals[step % 3],
                                      footprint: footprints[step % 4], viewDirection: normalize(Float3(0.2, 0.6, -0.7))))
        }
    }
    return fragments
}

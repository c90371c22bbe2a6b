/// The stadium's materials: decodes a fragment's material id, computes its albedo procedurally
/// and lights it. Pure and allocation-free.
struct StadiumShader: Sendable {
    private let salt: UInt32
    private let crowd: CrowdShader

    init(seed: UInt64) {
        salt = UInt32(truncatingIfNeeded: seed ^ (seed >> 32))
        crowd = CrowdShader(salt: salt ^ 0xC0FF_EE00)
    }

    /// Linear RGB in [0, 1]; unknown materials come out magenta so that they stand out.
    @inline(__always)
    func shade(_ fragment: Fragment) -> Float3 {
        StadiumLighting.lit(albedo(fragment), normal: fragment.normalInWorld)
    }

    @inline(__always)
    private func albedo(_ fragment: Fragment) -> Float3 {
        typealias M = StadiumMaterial
        let footprint = StadiumLighting.surfaceFootprint(fragment)
        let material = fragment.material
        switch material {
        case M.grass:
            return PitchShader.albedo(x: fragment.pointInWorld.x, y: fragment.pointInWorld.y,
                                      footprint: footprint, salt: salt)
        case M.crowd: return crowd.albedo(u: fragment.uv.x, v: fragment.uv.y, footprint: footprint)
        case M.concrete: return Float3(0.32, 0.32, 0.33)
        case M.goalFrame: return Float3(0.90, 0.90, 0.90)
        case M.ball: return BallShader.albedo(uv: fragment.uv, footprint: footprint)
        case M.skin: return Float3(0.50, 0.32, 0.22)
        case M.hair: return Float3(0.06, 0.04, 0.03)
        case M.boots: return Float3(0.04, 0.04, 0.05)
        case M.shortsBase..<(M.shortsBase + UInt16(M.kitCount)):
            return KitShader.colours(kit: Int(material - M.shortsBase)).shorts
        case M.socksBase..<(M.socksBase + UInt16(M.kitCount)):
            return KitShader.colours(kit: Int(material - M.socksBase)).socks
        case M.shirtBase..<(M.shirtBase + UInt16(M.kitCount * 100)):
            let code = Int(material - M.shirtBase)
            return KitShader.shirt(kit: code / 100, number: code % 100, uv: fragment.uv, footprint: footprint)
        default: return Float3(1, 0, 1)
        }
    }
}

/// A seated crowd on the stands: rows of seats, each with a spectator in a random shirt, or empty.
/// Texture coordinates are metres along the stand (u) and up its slope (v).
struct CrowdShader: Sendable {
    static let seatWidth: Float = 0.5
    static let seatDepth: Float = 0.8
    static let seatColour = Float3(0.05, 0.06, 0.10)
    static let homeShirt = Float3(0.55, 0.04, 0.04)
    static let awayShirt = Float3(0.05, 0.10, 0.45)
    static let whiteShirt = Float3(0.75, 0.75, 0.72)

    private let salt: UInt32
    /// Average albedo over many seats: what the crowd fades to when seats are smaller than pixels.
    let meanAlbedo: Float3

    init(salt: UInt32) {
        self.salt = salt
        var sum = Float3.zero
        let seatsPerSide = 32, samplesPerSide = 8
        let step = Float3(Self.seatWidth, Self.seatDepth, 0) / Float(samplesPerSide)
        for sampleY in 0..<(seatsPerSide * samplesPerSide) {
            for sampleX in 0..<(seatsPerSide * samplesPerSide) {
                sum += Self.detailedAlbedo(u: (Float(sampleX) + 0.5) * step.x, v: (Float(sampleY) + 0.5) * step.y,
                                           footprint: 0, salt: salt)
            }
        }
        meanAlbedo = sum / Float(seatsPerSide * seatsPerSide * samplesPerSide * samplesPerSide)
    }

    /// Detailed seats up close, fading to `meanAlbedo` as a seat shrinks from 4 to 2 pixels.
    @inline(__always)
    func albedo(u: Float, v: Float, footprint: Float) -> Float3 {
        let detail = 1 - smoothstep(Self.seatWidth / 4, Self.seatWidth / 2, footprint)
        if detail <= 0 { return meanAlbedo }
        return mix(meanAlbedo, Self.detailedAlbedo(u: u, v: v, footprint: footprint, salt: salt), detail)
    }

    @inline(__always)
    private static func detailedAlbedo(u: Float, v: Float, footprint: Float, salt: UInt32) -> Float3 {
        let column = (u / seatWidth).rounded(.down), row = (v / seatDepth).rounded(.down)
        let hash = latticeHash(Int32(column), Int32(row), salt)
        if hash & 0xFF < 30 { return seatColour }  // about 12 % of the seats are empty
        let x = u - column * seatWidth - seatWidth / 2, y = v - row * seatDepth
        let torsoDistance = max(abs(x) - 0.16, abs(y - 0.34) - 0.22)
        let headDistance = (x * x + (y - 0.66) * (y - 0.66)).squareRoot() - 0.1
        let skin = mix(Float3(0.55, 0.36, 0.25), Float3(0.20, 0.11, 0.06), unitFloat(hash ^ 0x5BD1_E995))
        var colour = mix(seatColour, shirtColour(hash), coverage(signedDistance: torsoDistance, footprint: footprint))
        colour = mix(colour, skin, coverage(signedDistance: headDistance, footprint: footprint))
        return colour
    }

    /// Mostly home red, some away blue and white, the rest any colour.
    @inline(__always)
    private static func shirtColour(_ hash: UInt32) -> Float3 {
        let choice = (hash >> 8) & 0xFF
        if choice < 115 { return homeShirt }
        if choice < 179 { return awayShirt }
        if choice < 205 { return whiteShirt }
        return Float3(unitFloat(hash &* 0x2C1B_3C6D), unitFloat(hash &* 0x297A_2D39), unitFloat(hash &* 0x8DA6_B343)) * 0.7
    }
}

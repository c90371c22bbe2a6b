/// Colours of the four kits, and shirt numbers drawn as seven-segment digits.
enum KitShader {
    struct Colours {
        var shirt: Float3
        var shorts: Float3
        var socks: Float3
        var number: Float3
    }

    /// Team A red and white, team B blue, goalkeepers yellow (A) and black (B).
    @inline(__always)
    static func colours(kit: Int) -> Colours {
        let white = Float3(0.80, 0.80, 0.78), black = Float3(0.03, 0.03, 0.03)
        switch kit {
        case 0: return Colours(shirt: Float3(0.62, 0.03, 0.03), shorts: white, socks: Float3(0.62, 0.03, 0.03), number: white)
        case 1: return Colours(shirt: Float3(0.04, 0.12, 0.55), shorts: Float3(0.03, 0.06, 0.30), socks: white, number: white)
        case 2: return Colours(shirt: Float3(0.85, 0.72, 0.03), shorts: black, socks: Float3(0.85, 0.72, 0.03), number: black)
        default: return Colours(shirt: Float3(0.06, 0.06, 0.06), shorts: black, socks: Float3(0.06, 0.06, 0.06), number: Float3(0.85, 0.72, 0.03))
        }
    }

    /// Nominal size in metres of the shirt region that uv [0, 1]² spans (u right, v down).
    static let shirtSize = Float2(0.42, 0.48)
    static let digitSize = Float2(0.10, 0.20)
    static let strokeWidth: Float = 0.028
    static let digitSpacing: Float = 0.14

    /// Albedo of a shirt with `number` (0: none) at shirt coordinates `uv`.
    @inline(__always)
    static func shirt(kit: Int, number: Int, uv: Float2, footprint: Float) -> Float3 {
        let kitColours = colours(kit: kit)
        guard number > 0 else { return kitColours.shirt }
        let point = (uv - Float2(0.5, 0.45)) * shirtSize  // metres from the number's centre, y down
        let distance = number < 10
            ? digitDistance(number, point)
            : min(digitDistance(number / 10, point + Float2(digitSpacing / 2, 0)),
                  digitDistance(number % 10, point - Float2(digitSpacing / 2, 0)))
        return mix(kitColours.shirt, kitColours.number, coverage(signedDistance: distance, footprint: footprint))
    }

    /// Lit segments of a seven-segment digit: a (top), b, c (right, top to bottom), d (bottom),
    /// e, f (left, bottom to top), g (middle) in bits 0–6.
    @inline(__always)
    private static func segmentMask(_ digit: Int) -> Int {
        switch digit {
        case 0: return 0x3F
        case 1: return 0x06
        case 2: return 0x5B
        case 3: return 0x4F
        case 4: return 0x66
        case 5: return 0x6D
        case 6: return 0x7D
        case 7: return 0x07
        case 8: return 0x7F
        default: return 0x6F
        }
    }

    /// Signed distance (metres, approximate) from `point` to the lit segments of a digit centred
    /// at the origin.
    @inline(__always)
    private static func digitDistance(_ digit: Int, _ point: Float2) -> Float {
        let mask = segmentMask(digit)
        let w = digitSize.x / 2, h = digitSize.y / 2, s = strokeWidth / 2
        var distance = Float.infinity
        for segment in 0..<7 where mask & (1 << segment) != 0 {
            let centre: Float2, half: Float2
            switch segment {
            case 0: centre = Float2(0, -h); half = Float2(w, s)
            case 1: centre = Float2(w, -h / 2); half = Float2(s, h / 2)
            case 2: centre = Float2(w, h / 2); half = Float2(s, h / 2)
            case 3: centre = Float2(0, h); half = Float2(w, s)
            case 4: centre = Float2(-w, h / 2); half = Float2(s, h / 2)
            case 5: centre = Float2(-w, -h / 2); half = Float2(s, h / 2)
            default: centre = Float2(0, 0); half = Float2(w, s)
            }
            let q = Float2(abs(point.x - centre.x), abs(point.y - centre.y)) - half
            distance = min(distance, max(q.x, q.y))
        }
        return distance
    }
}

/// The material ids the stadium's triangles carry, and how a kit material packs its kit and
/// shirt number so that `shade` can decode them without lookups.
public enum StadiumMaterial {
    /// Grass with mowing stripes and the pitch markings (drawn from the world position).
    public static let grass: UInt16 = 1
    /// Seated crowd, indexed by the triangle's uv in metres along and up the stand.
    public static let crowd: UInt16 = 2
    public static let concrete: UInt16 = 3
    public static let goalFrame: UInt16 = 4
    /// Match ball; uv holds the longitude and latitude (radians) of the point on the ball.
    public static let ball: UInt16 = 5
    public static let skin: UInt16 = 6
    public static let hair: UInt16 = 7
    public static let boots: UInt16 = 8

    /// Kits: 0 team A, 1 team B, 2 team A's goalkeeper, 3 team B's goalkeeper.
    public static let kitCount = 4
    static let shortsBase: UInt16 = 20
    static let socksBase: UInt16 = 30
    static let shirtBase: UInt16 = 1000

    public static func shorts(kit: Int) -> UInt16 { shortsBase + UInt16(kit) }
    public static func socks(kit: Int) -> UInt16 { socksBase + UInt16(kit) }

    /// A shirt of `kit` with `number` (1–99) drawn over uv [0, 1]²; number 0 is a plain shirt
    /// (sides, sleeves).
    public static func shirt(kit: Int, number: Int) -> UInt16 {
        precondition((0..<kitCount).contains(kit) && (0...99).contains(number), "kit \(kit) number \(number)")
        return shirtBase + UInt16(kit * 100 + number)
    }

    /// Every material the scene uses, shirts with all numbers included.
    public static var all: [UInt16] {
        var materials: [UInt16] = [grass, crowd, concrete, goalFrame, ball, skin, hair, boots]
        for kit in 0..<kitCount {
            materials += [shorts(kit: kit), socks(kit: kit)]
            materials += (0...99).map { shirt(kit: kit, number: $0) }
        }
        return materials
    }
}

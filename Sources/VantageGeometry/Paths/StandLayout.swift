/// A venue's four stands, simply: each rises in a straight slope from the edge of a rectangle
/// around the pitch (the run-off edge), with rows `rowDepth` deep and seats `seatWidth` wide.
///
/// Seats are numbered as a spectator sees them: row 1 at the front (by the pitch), rows counting
/// backwards and upwards; seat 1 at the left end of the row when facing the pitch. Seat (row r,
/// seat n) is at horizontal depth (r − ½)·rowDepth into the stand and (n − ½)·seatWidth from the
/// stand's left end; the eye is `eyeHeight` above the stand's surface there. Each stand is as long
/// as the rectangle's side in front of it (the corners belong to no stand).
public struct StandLayout: Equatable, Sendable {
    /// Half the rectangle's extent along x (the touchlines) and y, in metres.
    public var innerHalfLength: Double
    public var innerHalfWidth: Double
    /// Horizontal depth of each stand and the height it rises over that depth.
    public var depth: Double
    public var rise: Double
    public var rowDepth: Double
    public var seatWidth: Double
    /// Eye height of a seated spectator above the stand's surface.
    public var eyeHeight: Double

    public init(innerHalfLength: Double, innerHalfWidth: Double, depth: Double, rise: Double,
                rowDepth: Double = 0.8, seatWidth: Double = 0.5, eyeHeight: Double = 1.2) {
        self.innerHalfLength = innerHalfLength
        self.innerHalfWidth = innerHalfWidth
        self.depth = depth
        self.rise = rise
        self.rowDepth = rowDepth
        self.seatWidth = seatWidth
        self.eyeHeight = eyeHeight
    }

    /// The synthetic stadium of `vantage sample stadium` (`StadiumLayout`): stands from the
    /// run-off edge at ±60 m × ±40 m, 35 m deep, rising 28 m: 43 rows; 160 seats a row east and
    /// west, 240 north and south.
    public static let stadiumSample = StandLayout(innerHalfLength: 60, innerHalfWidth: 40, depth: 35, rise: 28)

    public var rows: Int { Int((depth / rowDepth + 1e-9).rounded(.down)) }

    /// Seats in each row of `stand`.
    public func seats(in stand: Stand) -> Int { Int((2 * halfLength(of: stand) / seatWidth + 1e-9).rounded(.down)) }

    /// The eye of the spectator in `seat` of `row` in `stand`. Precondition: row and seat are in range.
    public func eye(stand: Stand, row: Int, seat: Int) -> Vector3 {
        precondition((1...rows).contains(row) && (1...seats(in: stand)).contains(seat), "a seat in the stand")
        let outward = stand.outward
        let right = (-outward).cross([0, 0, 1])  // facing the pitch
        let intoStand = (Double(row) - 0.5) * rowDepth
        let alongRow = -halfLength(of: stand) + (Double(seat) - 0.5) * seatWidth
        let edge = abs(outward.x) > 0 ? innerHalfLength : innerHalfWidth
        let ground = outward * (edge + intoStand) + right * alongRow
        return Vector3(ground.x, ground.y, rise * intoStand / depth + eyeHeight)
    }

    private func halfLength(of stand: Stand) -> Double { abs(stand.outward.x) > 0 ? innerHalfWidth : innerHalfLength }

    public func validate() throws {
        for (name, value) in [("innerHalfLength", innerHalfLength), ("innerHalfWidth", innerHalfWidth), ("depth", depth),
                              ("rowDepth", rowDepth), ("seatWidth", seatWidth)] where !(value.isFinite && value > 0) {
            throw InputError("stand layout", at: name, "expected a positive number of metres, found \(value)")
        }
        for (name, value) in [("rise", rise), ("eyeHeight", eyeHeight)] where !(value.isFinite && value >= 0) {
            throw InputError("stand layout", at: name, "expected metres ≥ 0, found \(value)")
        }
        guard rowDepth <= depth else { throw InputError("stand layout", at: "rowDepth", "expected at most the stand's depth \(depth) m, found \(rowDepth)") }
    }

    /// The four stands, by compass name: east is +x, north +y, west −x, south −y.
    public enum Stand: String, CaseIterable, Sendable {
        case east, north, west, south

        /// Unit direction from the pitch into the stand.
        public var outward: Vector3 {
            switch self {
            case .east: return [1, 0, 0]
            case .north: return [0, 1, 0]
            case .west: return [-1, 0, 0]
            case .south: return [0, -1, 0]
            }
        }
    }
}

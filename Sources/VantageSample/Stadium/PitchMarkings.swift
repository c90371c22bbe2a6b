/// The white markings as anti-aliased coverage of a point on the pitch plane.
enum PitchMarkings {
    private typealias L = StadiumLayout

    /// Coverage in [0, 1] of the markings at (x, y) for a pixel `footprint` metres wide.
    @inline(__always)
    static func coverage(x: Float, y: Float, footprint: Float) -> Float {
        let ax = abs(x), ay = abs(y)  // the markings are symmetric about both axes
        let margin = L.lineWidth + footprint
        if ax > L.halfLength + margin || ay > L.halfWidth + margin { return 0 }
        let halfLine = L.lineWidth / 2
        @inline(__always) func line(_ distance: Float) -> Float {
            bandCoverage(distance: distance, halfWidth: halfLine, footprint: footprint)
        }

        let boundary = line(boxOutlineDistance(ax, ay, centreX: 0, halfX: L.halfLength, halfY: L.halfWidth))
        // Only the markings of the half-pitch's own zone can be near: the middle third holds the
        // halfway line and centre circle, the ends hold the areas, penalty arc and corner arcs.
        guard ax > L.halfLength - L.penaltyAreaDepth - L.centreCircleRadius - margin else {
            let halfway = line(length(ax, max(ay - L.halfWidth, 0)))
            let centreCircle = line(length(x, y) - L.centreCircleRadius)
            let centreSpot = signedCoverage(length(x, y) - L.spotRadius, footprint)
            return max(max(boundary, halfway), max(centreCircle, centreSpot))
        }
        let penaltyArea = line(boxOutlineDistance(
            ax, ay, centreX: L.halfLength - L.penaltyAreaDepth / 2,
            halfX: L.penaltyAreaDepth / 2, halfY: L.penaltyAreaHalfWidth))
        let goalArea = line(boxOutlineDistance(
            ax, ay, centreX: L.halfLength - L.goalAreaDepth / 2,
            halfX: L.goalAreaDepth / 2, halfY: L.goalAreaHalfWidth))
        // The penalty arc is the part of the circle around the spot outside the penalty area.
        let penaltyArc = line(length(ax - L.penaltySpotX, y) - L.centreCircleRadius)
            * signedCoverage(ax - (L.halfLength - L.penaltyAreaDepth), footprint)
        // Corner arcs: quarter circles inside the pitch.
        let cornerArc = line(length(ax - L.halfLength, ay - L.halfWidth) - L.cornerArcRadius)
            * signedCoverage(max(ax - L.halfLength, ay - L.halfWidth), footprint)
        let penaltySpot = signedCoverage(length(ax - L.penaltySpotX, y) - L.spotRadius, footprint)
        return max(max(boundary, penaltyArea), max(max(goalArea, penaltyArc), max(cornerArc, penaltySpot)))
    }

    @inline(__always)
    private static func signedCoverage(_ distance: Float, _ footprint: Float) -> Float {
        VantageSample.coverage(signedDistance: distance, footprint: footprint)
    }

    @inline(__always)
    private static func length(_ x: Float, _ y: Float) -> Float { (x * x + y * y).squareRoot() }

    /// Unsigned distance from (x, y) to the outline of the axis-aligned rectangle centred at
    /// (centreX, 0) with half-sizes (halfX, halfY).
    @inline(__always)
    private static func boxOutlineDistance(_ x: Float, _ y: Float, centreX: Float, halfX: Float, halfY: Float) -> Float {
        let qx = abs(x - centreX) - halfX, qy = abs(y) - halfY
        let outside = length(max(qx, 0), max(qy, 0))
        let inside = min(max(qx, qy), 0)
        return abs(outside + inside)
    }
}

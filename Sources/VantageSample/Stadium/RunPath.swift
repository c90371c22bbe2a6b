/// A smooth route on the pitch: a centripetal Catmull–Rom spline through waypoints, sampled
/// into a polyline and parametrised by arc length (metres).
struct RunPath: Sendable {
    private let points: [Float2]
    /// Arc length from the start to each of `points`.
    private let distances: [Float]
    /// Arc length from the start to each waypoint.
    let waypointDistances: [Float]

    var length: Float { distances[distances.count - 1] }

    static let samplesPerSegment = 16

    init(waypoints: [Float2]) {
        precondition(waypoints.count >= 2, "a path needs two waypoints")
        // Phantom end points continue the first and last segments straight on.
        let controls = [2 * waypoints[0] - waypoints[1]] + waypoints
            + [2 * waypoints[waypoints.count - 1] - waypoints[waypoints.count - 2]]
        var points = [waypoints[0]], distances: [Float] = [0], waypointDistances: [Float] = [0]
        for segment in 1..<(controls.count - 2) {
            for sample in 1...Self.samplesPerSegment {
                let point = Self.centripetal(controls[segment - 1], controls[segment], controls[segment + 1],
                                             controls[segment + 2], Float(sample) / Float(Self.samplesPerSegment))
                distances.append(distances[distances.count - 1] + Self.length(point - points[points.count - 1]))
                points.append(point)
            }
            waypointDistances.append(distances[distances.count - 1])
        }
        self.points = points
        self.distances = distances
        self.waypointDistances = waypointDistances
    }

    /// The point at arc length `distance`, clamped to the path.
    func point(atDistance distance: Float) -> Float2 {
        let clamped = min(max(distance, 0), length)
        var low = 0, high = distances.count - 1  // distances[low] <= clamped <= distances[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if distances[middle] <= clamped { low = middle } else { high = middle }
        }
        let span = distances[high] - distances[low]
        let t = span > 0 ? (clamped - distances[low]) / span : 0
        return points[low] + (points[high] - points[low]) * t
    }

    /// Unit direction of travel at `distance`, smoothed over ±0.3 m.
    func direction(atDistance distance: Float) -> Float2 {
        let step = point(atDistance: distance + 0.3) - point(atDistance: distance - 0.3)
        let stepLength = Self.length(step)
        return stepLength > 0 ? step / stepLength : Float2(1, 0)
    }

    private static func length(_ v: Float2) -> Float { (v.x * v.x + v.y * v.y).squareRoot() }

    /// The centripetal (α = ½) Catmull–Rom point between p1 and p2 at fraction `s` (Barry–Goldman).
    private static func centripetal(_ p0: Float2, _ p1: Float2, _ p2: Float2, _ p3: Float2, _ s: Float) -> Float2 {
        let t1 = max(length(p1 - p0).squareRoot(), 1e-4)
        let t2 = t1 + max(length(p2 - p1).squareRoot(), 1e-4)
        let t3 = t2 + max(length(p3 - p2).squareRoot(), 1e-4)
        let t = t1 + (t2 - t1) * s
        func lerp(_ a: Float2, _ b: Float2, _ ta: Float, _ tb: Float) -> Float2 { a + (b - a) * ((t - ta) / (tb - ta)) }
        let a1 = lerp(p0, p1, 0, t1), a2 = lerp(p1, p2, t1, t2), a3 = lerp(p2, p3, t2, t3)
        let b1 = lerp(a1, a2, 0, t2), b2 = lerp(a2, a3, t1, t3)
        return lerp(b1, b2, t1, t2)
    }
}

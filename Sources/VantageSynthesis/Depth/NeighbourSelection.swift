import VantageGeometry

extension PlaneSweepDepth {
    /// Names of the `count` cameras best suited as stereo partners for `reference` (small angle between optical axes /
    /// viewing directions to the scene, but non-zero baseline), nearest first.
    ///
    /// Cameras with the same name or centre (no baseline: no parallax) and cameras facing away
    /// (axes more than 90° apart) are never chosen; ties in angle go to the nearer camera.
    public static func neighbours(of reference: Camera, among candidates: [Camera], count: Int) -> [String] {
        let centre = reference.centerInWorld, forward = reference.forwardInWorld
        let scored: [(name: String, angle: Double, distance: Double)] = candidates.compactMap { candidate in
            let distance = (candidate.centerInWorld - centre).length
            guard candidate.name != reference.name, distance > 1e-9 else { return nil }
            let angle = Rotation.angle(between: forward, candidate.forwardInWorld)
            guard angle < .pi / 2 else { return nil }
            return (candidate.name, angle, distance)
        }
        return scored.sorted { ($0.angle, $0.distance) < ($1.angle, $1.distance) }.prefix(max(0, count)).map(\.name)
    }
}

/// Which surface a target pixel shows, given the depth each source warped there.
///
/// Foreground first: a player or the ball, as the best-placed source shows it.
/// Fast path: the nearest depth that two sources confirm within the tolerance, when no source
/// claims anything nearer and the ground (if any) lies there too. Otherwise the candidates (each
/// source's depth, the ground plane, and a proxy plane through what the target looks at)
/// compete on photo-consistency: the colours the sources that are not occluded at that depth see
/// there should agree; a prior wins by being the most consistent, and otherwise the nearest of the
/// sources' surfaces about as consistent as the best. A candidate that a masked source sees as
/// backdrop is outside the visual hull and never wins. Consistency is what keeps one source's depth mistake (a spectator warped
/// onto the pitch) from occluding what the others agree on.
enum SurfaceChoice {
    /// Cost of a candidate seen by a single source: it wins only over clearly inconsistent ones.
    static let singleViewCost: Float = 0.01
    /// How much less consistent (in cost units) a nearer candidate may be and still win.
    static let occlusionMargin: Float = 0.0015

    @inline(__always)
    static func front(x: Float, _ y: Float, _ pixel: Int, sources: UnsafeBufferPointer<SourcePixels>, ground: Float?,
                      proxy: Float?, tolerance: Float) -> (depth: Float, byConsistency: Bool)? {
        if let foreground = nearestForeground(x: x, y, pixel, sources: sources) { return (foreground, false) }
        var nearest = Float.infinity, confirmed = Float.infinity
        for (index, source) in sources.enumerated() {
            let z = source.zBuffer[pixel]
            guard z.isFinite else { continue }
            nearest = min(nearest, z)
            guard z < confirmed else { continue }
            for other in sources[(index + 1)...] {
                let w = other.zBuffer[pixel]
                if w.isFinite && abs(w - z) <= tolerance * min(w, z) { confirmed = min(w, z) }
            }
        }
        let groundAgrees = ground.map { abs($0 - confirmed) <= tolerance * $0 } ?? true
        if confirmed.isFinite && nearest >= confirmed * (1 - tolerance) && groundAgrees { return (confirmed, false) }
        // Priors (ground, proxy) win only by being the most consistent; among surfaces the
        // sources warped there, nearer ones occlude farther ones that are only about as consistent.
        // Stack storage: this runs for every pixel where the sources disagree.
        return withUnsafeTemporaryAllocation(of: Candidate.self, capacity: sources.count + 2) { candidates in
            var count = 0
            func consider(_ depth: Float, isPrior: Bool) {
                candidates[count] = Candidate(depth: depth, cost: cost(x: x, y, pixel, depth: depth, sources: sources, tolerance: tolerance),
                                              isPrior: isPrior)
                count += 1
            }
            for source in sources where source.zBuffer[pixel].isFinite { consider(source.zBuffer[pixel], isPrior: false) }
            if let ground, nearest.isFinite || sources.count > 1 { consider(ground, isPrior: true) }
            if let proxy, nearest.isFinite || sources.count > 1 { consider(proxy, isPrior: true) }
            let considered = candidates[..<count]
            guard let best = considered.min(by: { $0.cost < $1.cost }), best.cost.isFinite else { return nil }
            if best.isPrior { return (best.depth, true) }
            var nearestGood = best
            for candidate in considered where !candidate.isPrior && candidate.cost <= best.cost + occlusionMargin
                && candidate.depth < nearestGood.depth {
                nearestGood = candidate
            }
            return (nearestGood.depth, true)
        }
    }

    private struct Candidate {
        var depth: Float, cost: Float, isPrior: Bool
    }

    /// The foreground surface (a player) that the best-placed source with any foreground warped
    /// to `pixel`, unless a masked source contradicts it. Foreground occludes even where views of
    /// a small, fast player do not line up well enough to be photo-consistent; taking it from one
    /// source only keeps the billboards of different cameras from showing a player several times.
    @inline(__always)
    private static func nearestForeground(x: Float, _ y: Float, _ pixel: Int, sources: UnsafeBufferPointer<SourcePixels>) -> Float? {
        guard let foregroundZ = sources.first(where: { $0.foregroundZ != nil })?.foregroundZ else { return nil }
        let depth = foregroundZ[pixel]
        guard depth.isFinite, !sources.contains(where: { $0.seesBackdrop(atTargetX: x, y, depth: depth) }) else { return nil }
        return depth
    }

    /// Colour disagreement (mean squared deviation over R, G, B) of the sources not occluded at
    /// `depth`; `+inf` when a masked source sees backdrop there or no source sees the point.
    @inline(__always)
    private static func cost(x: Float, _ y: Float, _ pixel: Int, depth: Float, sources: UnsafeBufferPointer<SourcePixels>,
                             tolerance: Float) -> Float {
        var sum = SIMD3<Float>(repeating: 0), squares = SIMD3<Float>(repeating: 0)
        var count: Float = 0
        for source in sources {
            if source.zBuffer[pixel] < depth * (1 - tolerance) { continue }  // occluded there
            if source.seesBackdrop(atTargetX: x, y, depth: depth) { return .infinity }
            let p = source.targetToSource.apply(x, y, depth: depth)
            guard p.depth > 0, let sample = source.sample(at: (p.x, p.y)) else { continue }
            sum += sample.colour
            squares += sample.colour * sample.colour
            count += 1
        }
        guard count > 0 else { return .infinity }
        guard count > 1 else { return singleViewCost }
        let mean = sum / count
        return (squares / count - mean * mean).sum() / 3
    }
}

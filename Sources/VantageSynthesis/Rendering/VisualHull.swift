import VantageGeometry
import VantageMedia

/// The visual hull of masked views (frames with alpha) as a target sees it: a 3D point is inside
/// when every view that sees it covers it (at least two views must see it); a target ray that
/// never enters the hull shows backdrop. (Offered as a surface candidate, the entry depth cost
/// 0.5 dB on nerf-lego: the hull lies in front of concave surfaces.)
struct VisualHull: Sendable {
    /// Depth samples along each ray, evenly in inverse depth, before bisection.
    static let samplesPerRay = 48
    /// Bisection steps that refine an entry between its last outside and first inside sample.
    static let bisectionSteps = 4
    /// Views used, the ones closest in angle to the target first. With 16 of lego's 99 views the
    /// hull was loose enough to keep chunks of empty space; rays that leave it are cheap, so use many.
    static let maximumViews = 128

    private let views: [HullView]

    /// `nil` unless every view has a coverage mask.
    init?(views sources: [SourceView], target: Camera) {
        guard sources.count >= 2, sources.allSatisfy({ $0.coverage != nil }) else { return nil }
        let interest = SourceSelection.pointOfInterest(for: target, sources: sources.map(\.camera), range: nil)
        let chosen = Set(SourceSelection.rank(sources.map(\.camera), for: target, pointOfInterest: interest, count: Self.maximumViews))
        views = sources.filter { chosen.contains($0.name) }.map { HullView(view: $0, target: target) }
    }

    /// Per target pixel, the camera-z where its ray enters the hull within `range`; `+inf` where it never does.
    func entryDepths(target: Camera, range: DepthRange) -> [Float] {
        let width = target.size.width, height = target.size.height
        let inverseNear = Float(1 / range.near), inverseFar = Float(1 / range.far)
        // Near to far: the first inside sample is the entry.
        let depths = (0..<Self.samplesPerRay).map { step in
            1 / (inverseNear - (inverseNear - inverseFar) * (Float(step) + 0.5) / Float(Self.samplesPerRay))
        }
        var entries = [Float](repeating: .infinity, count: width * height)
        entries.withUnsafeMutableBufferPointer { buffer in
            let shared = BandSharedBuffer(buffer)
            forEachChunk(of: height) { rows in
                for y in rows {
                    for x in 0..<width {
                        shared.base[y * width + x] = entry(x: Float(x), y: Float(y), depths: depths)
                    }
                }
            }
        }
        return entries
    }

    private func entry(x: Float, y: Float, depths: [Float]) -> Float {
        guard let first = depths.firstIndex(where: { inside(x: x, y: y, depth: $0) }) else { return .infinity }
        guard first > 0 else { return depths[0] }
        var outside = depths[first - 1], insideDepth = depths[first]
        for _ in 0..<Self.bisectionSteps {
            let middle = 2 / (1 / outside + 1 / insideDepth)
            if inside(x: x, y: y, depth: middle) { insideDepth = middle } else { outside = middle }
        }
        return insideDepth
    }

    private func inside(x: Float, y: Float, depth: Float) -> Bool {
        var seenBy = 0
        for view in views {
            let p = view.targetToSource.apply(x, y, depth: depth)
            let u = Int((p.x + 0.5).rounded(.down)), v = Int((p.y + 0.5).rounded(.down))
            guard p.depth > 0, u >= 0, v >= 0, u < view.width, v < view.height else { continue }
            if view.coverage[v * view.width + u] < 0.5 { return false }
            seenBy += 1
        }
        return seenBy >= 2
    }

    /// A masked view, ready to test target rays against.
    private struct HullView: Sendable {
        let targetToSource: PixelTransfer
        let coverage: [Float]
        let width: Int, height: Int

        init(view: SourceView, target: Camera) {
            targetToSource = PixelTransfer(from: target, to: view.camera)
            coverage = view.coverage!
            width = view.image.width
            height = view.image.height
        }
    }
}

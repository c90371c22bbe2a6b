import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// `BackdropCarving.carve`: with masked sources, a hole pixel whose ray misses the visual hull
/// becomes backdrop (backdrop depth, the backdrop colour), while hole pixels whose ray goes
/// through the hull stay holes for inpainting; pixels that already have depth are never touched.
@Suite struct BackdropCarvingTests {
    static let size = ImageSize(width: 64, height: 48)
    static let intrinsics = Intrinsics(fx: 60, fy: 60, cx: 31.5, cy: 23.5)

    /// Eight cameras on a ring of radius 8 at alternating heights, all looking at the origin.
    static let sourceCameras: [Camera] = (0..<8).map { index in
        let angle = Double(index) * .pi / 4
        return Camera.lookingAt([0, 0, 0], from: [8 * cos(angle), 8 * sin(angle), index % 2 == 0 ? 1 : 2.5],
                                name: "s\(index)", size: size, intrinsics: intrinsics)
    }
    static let target = Camera.lookingAt([0, 0, 0], from: [6, -5, 2], name: "target", size: size, intrinsics: intrinsics)
    static let range = DepthRange(near: 4, far: 12)

    /// Distance from the origin to the ray through `pixel` of `camera`.
    static func rayDistance(_ camera: Camera, _ x: Int, _ y: Int) -> Double {
        let ray = camera.rayInWorld(through: Vector2(Double(x), Double(y)))!
        let centre = camera.centerInWorld
        return (centre - ray * centre.dot(ray)).length
    }

    /// The view of a unit sphere at the origin: covered (and grey) inside its disc, white and
    /// uncovered outside.
    static func maskedView(_ camera: Camera) -> SourceView {
        let width = camera.size.width, height = camera.size.height, planeSize = width * height
        var image = PlanarFloatImage(width: width, height: height)
        var coverage = [Float](repeating: 0, count: planeSize)
        for y in 0..<height {
            for x in 0..<width {
                let inside = rayDistance(camera, x, y) < 1
                coverage[y * width + x] = inside ? 1 : 0
                for channel in 0..<3 { image.samples[channel * planeSize + y * width + x] = inside ? 0.4 : 1 }
            }
        }
        return SourceView(camera: camera, image: image, coverage: coverage)
    }

    static func emptyBlend() -> BlendedView {
        let count = size.width * size.height
        return BlendedView(image: PlanarFloatImage(width: size.width, height: size.height),
                           confidence: [Float](repeating: 0, count: count), depth: [Float](repeating: .infinity, count: count))
    }

    @Test func raysMissingTheHullBecomeBackdrop() throws {
        let views = Self.sourceCameras.map(Self.maskedView)
        var blended = Self.emptyBlend()
        // One pixel far outside the disc already has a surface: it must be kept.
        let width = Self.size.width, planeSize = width * Self.size.height
        let kept = 2 * width + 2
        try #require(Self.rayDistance(Self.target, 2, 2) > 2)
        blended.depth[kept] = 6
        let hull = try #require(VisualHull(views: views, target: Self.target))
        BackdropCarving.carve(&blended, hullEntry: hull.entryDepths(target: Self.target, range: Self.range),
                              backdropColour: SIMD3<Float>(1, 1, 1))

        #expect(blended.depth[kept] == 6)
        var outside = 0, inside = 0, notCarved: [Int] = [], wronglyCarved: [Int] = []
        for pixel in 0..<planeSize where pixel != kept {
            let distance = Self.rayDistance(Self.target, pixel % width, pixel / width)
            if distance > 2 {
                outside += 1
                let carved = blended.depth[pixel] == DepthSplatting.backdrop && blended.confidence[pixel] == 0.5
                    && (0..<3).allSatisfy { blended.image.samples[$0 * planeSize + pixel] == 1 }
                if !carved { notCarved.append(pixel) }
            } else if distance < 0.9 {
                inside += 1
                if blended.depth[pixel] != .infinity { wronglyCarved.append(pixel) }
            }
        }
        #expect(notCarved.isEmpty, "\(notCarved.count) of \(outside) pixels far outside the disc not carved, first \(notCarved.first ?? -1)")
        #expect(wronglyCarved.isEmpty, "\(wronglyCarved.count) of \(inside) pixels inside the disc carved, first \(wronglyCarved.first ?? -1)")
        // Both kinds are actually exercised.
        #expect(outside > planeSize / 2 && inside > 50)
        // The disc centre is a hole still.
        #expect(blended.depth[23 * width + 31] == .infinity)
    }

    @Test func unmaskedViewsHaveNoHull() {
        var views = Self.sourceCameras.map(Self.maskedView)
        views[3] = SourceView(camera: views[3].camera, image: views[3].image)
        #expect(VisualHull(views: views, target: Self.target) == nil)
    }

    /// Entry depths lie on the unit sphere the masks show (within the bisection's resolution).
    @Test func entryDepthsMeetTheSphere() throws {
        let hull = try #require(VisualHull(views: Self.sourceCameras.map(Self.maskedView), target: Self.target))
        let entries = hull.entryDepths(target: Self.target, range: Self.range)
        let width = Self.size.width
        let centre = 23 * width + 31
        let entry = try #require(entries[centre].isFinite ? entries[centre] : nil)
        let point = try #require(Self.target.unproject(Vector2(31, 23), depth: Double(entry)))
        // The hull of 8 silhouettes contains the sphere and hugs it along the views' directions.
        #expect(point.length > 0.95 && point.length < 1.3, "entry at \(point.length) from the centre")
    }
}

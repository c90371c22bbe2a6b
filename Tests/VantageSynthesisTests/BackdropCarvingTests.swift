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
        BackdropCarving.carve(&blended, views: views, backdropColour: SIMD3<Float>(1, 1, 1), target: Self.target, range: Self.range)

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

    @Test func unmaskedViewsCarveNothing() {
        var views = Self.sourceCameras.map(Self.maskedView)
        views[3] = SourceView(camera: views[3].camera, image: views[3].image)
        var blended = Self.emptyBlend()
        BackdropCarving.carve(&blended, views: views, backdropColour: SIMD3<Float>(1, 1, 1), target: Self.target, range: Self.range)
        #expect(blended.depth.allSatisfy { $0 == .infinity })
        #expect(blended.image.samples.allSatisfy { $0 == 0 })
    }
}

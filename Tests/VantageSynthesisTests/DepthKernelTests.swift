import Foundation
import Testing
import VantageGeometry
@testable import VantageSynthesis

/// The fast kernels against their slow, obviously-correct definitions.
struct DepthKernelTests {
    /// A scene with a depth edge: a plane at 4 m with a nearer plane at 2.5 m covering its left part.
    static func edgeScene() -> (reference: ViewLevel, neighbours: [ViewLevel], truth: [Float]) {
        let far = DepthTestScenes.frontoParallel(at: 4)
        let near = DepthTestScenes.Plane(point: [-0.3, 2.5, 0], normal: Vector3(-0.2, -1, 0).normalized)
        let reference = DepthTestScenes.render([far, near], camera: DepthTestScenes.reference)
        let neighbours = DepthTestScenes.neighbourCameras().map { DepthTestScenes.render([far, near], camera: $0).view }
        return (ViewLevel.pyramid(of: reference.view, levels: 1)[0], neighbours.map { ViewLevel.pyramid(of: $0, levels: 1)[0] },
                reference.depth.values)
    }

    @Test func matchingCostMatchesTheDirectDefinition() {
        let scene = Self.edgeScene()
        let cost = MatchingCost(reference: scene.reference, windowRadius: 2, blankDeviation: 0.003)
        let count = scene.reference.width * scene.reference.height
        // The true inverse depth, and a constant plane (the sweep's case), per neighbour.
        let fields: [[Float]] = [scene.truth.map { 1 / $0 }, [Float](repeating: 1 / 3.1, count: count)]
        let workspace = MatchingCost.Workspace(width: scene.reference.width, rows: scene.reference.height, radius: 2)
        for inverseDepths in fields {
            for neighbour in scene.neighbours {
                var fast = [Float](repeating: 0, count: count)
                inverseDepths.withUnsafeBufferPointer { field in
                    fast.withUnsafeMutableBufferPointer { output in
                        cost.cost(of: neighbour, projection: PlaneProjection(reference: scene.reference.camera, neighbour: neighbour.camera),
                                  field: .perPixel(field.baseAddress!, offset: 0), rows: 0..<scene.reference.height,
                                  into: output.baseAddress!, workspace: workspace)
                    }
                }
                let slow = ReferenceMatchingCost.costs(reference: scene.reference, neighbour: neighbour, inverseDepths: inverseDepths,
                                                       windowRadius: 2, blankDeviation: 0.003)
                var mismatched = 0
                for index in 0..<count where fast[index].isNaN != slow[index].isNaN || abs(fast[index] - slow[index]) > 2e-3 {
                    mismatched += 1
                }
                // Single-precision homography vs double-precision projection may disagree at the
                // very image border and where a window straddles the depth edge.
                #expect(Double(mismatched) / Double(count) < 0.005, "\(neighbour.camera.name): \(mismatched) of \(count) differ")
            }
        }
    }

    @Test func bandsOfRowsGiveTheSameCostsAsTheWholeImage() {
        let scene = Self.edgeScene()
        let cost = MatchingCost(reference: scene.reference, windowRadius: 3, blankDeviation: 0.003)
        let width = scene.reference.width, height = scene.reference.height, neighbour = scene.neighbours[0]
        let projection = PlaneProjection(reference: scene.reference.camera, neighbour: neighbour.camera)
        var whole = [Float](repeating: 0, count: width * height), banded = whole
        let workspace = MatchingCost.Workspace(width: width, rows: height, radius: 3)
        whole.withUnsafeMutableBufferPointer {
            cost.cost(of: neighbour, projection: projection, field: .constant(0.3), rows: 0..<height, into: $0.baseAddress!, workspace: workspace)
        }
        banded.withUnsafeMutableBufferPointer { output in
            for start in stride(from: 0, to: height, by: 7) {
                let rows = start..<min(height, start + 7)
                cost.cost(of: neighbour, projection: projection, field: .constant(0.3), rows: rows,
                          into: output.baseAddress! + start * width, workspace: workspace)
            }
        }
        // Only the rounding of the running sums differs (they start at another row).
        let differing = zip(whole, banded).filter { !($0.isNaN && $1.isNaN) && !(abs($0 - $1) <= 1e-3) }.count
        #expect(differing == 0, "\(differing) of \(whole.count) differ")
    }

    @Test func semiGlobalAggregationMatchesTheRecursionWrittenOut() {
        var random = SystemRandomNumberGenerator()
        let width = 23, height = 17, planes = 9
        let volume = CostVolume(width: width, height: height, planes: planes,
                                values: (0..<width * height * planes).map { _ in Float.random(in: 0...1, using: &random) })
        // Luma with a vertical edge, so that the edge-aware P2 matters.
        let luma = FloatPlane(width: width, height: height, values: (0..<width * height).map { $0 % width < 11 ? 0.2 : 0.7 })
        for paths in [4, 8] {
            let aggregation = SemiGlobalAggregation(smallPenalty: 0.05, largePenalty: 0.6, pathCount: paths)
            let fast = aggregation.aggregate(volume, luma: luma).values
            let slow = ReferenceAggregation.aggregate(volume, luma: luma, aggregation: aggregation)
            let worst = zip(fast, slow).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-4, "\(paths) paths: worst difference \(worst)")
        }
    }

    @Test func boxSumsCountOnlyPixelsInsideTheImage() {
        let width = 9, height = 6
        let ones = [Float](repeating: 1, count: width * height)
        var sums = ones, scratch = ones
        ones.withUnsafeBufferPointer { source in
            sums.withUnsafeMutableBufferPointer { output in
                scratch.withUnsafeMutableBufferPointer { s in
                    BoxFilter.sum(source.baseAddress!, into: output.baseAddress!, width: width, height: height, radius: 2,
                                  scratch: s.baseAddress!)
                }
            }
        }
        #expect(sums == BoxFilter.windowSizes(width: width, height: height, radius: 2))
        #expect(sums[0] == 9 && sums[2 * width + 4] == 25)
    }

    @Test func planeProjectionAgreesWithTheCameraModel() throws {
        let reference = DepthTestScenes.reference
        for neighbour in DepthTestScenes.neighbourCameras() {
            let projection = PlaneProjection(reference: reference, neighbour: neighbour)
            for (x, y, depth) in [(10.0, 20.0, 3.0), (150.0, 100.0, 7.5), (79.5, 59.5, 4.0)] {
                let point = try #require(reference.unproject(Vector2(x, y), depth: depth))
                let expected = try #require(neighbour.project(point)).pixel
                let fast = try #require(projection.project(x: Float(x), y: Float(y), inverseDepth: Float(1 / depth)))
                #expect(abs(Double(fast.x) - expected.x) < 1e-2 && abs(Double(fast.y) - expected.y) < 1e-2,
                        "\(neighbour.name) (\(x), \(y)) at \(depth): \(fast) vs \(expected)")
            }
        }
    }
}

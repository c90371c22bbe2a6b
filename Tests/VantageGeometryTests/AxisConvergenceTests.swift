import Testing
@testable import VantageGeometry

struct AxisConvergenceTests {
    @Test func leastSquaresMatchesAnExactSolution() throws {
        // An overdetermined but consistent system: x = (1, -2).
        let a: [Double] = [1, 0, 0, 1, 1, 1, 2, -1]
        let b: [Double] = [1, -2, -1, 4]
        let x = try #require(LeastSquares.solve(a, rows: 4, columns: 2, b: b))
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] + 2) < 1e-12)
        #expect(LeastSquares.solve([1, 2, 2, 4], rows: 2, columns: 2, b: [1, 2]) == nil, "rank-deficient")
    }

    @Test func ringOfCamerasConvergesOnItsTarget() throws {
        let target = Vector3(5, -3, 1)
        let cameras = (0..<6).map { i in
            let angle = Double(i) / 6 * 2 * .pi
            return Camera.lookingAt(target, from: target + Vector3(20 * cos(angle), 20 * sin(angle), 8),
                                    name: "c\(i)", size: ImageSize(width: 1920, height: 1080),
                                    intrinsics: Intrinsics(horizontalFieldOfView: 1, size: ImageSize(width: 1920, height: 1080)))
        }
        let convergence = try #require(AxisConvergence(cameras: cameras))
        #expect((convergence.pointInWorld - target).length < 1e-9)
        #expect(convergence.rmsMissDistance < 1e-9)

        let report = RigReport(Rig(name: "ring", cameras: cameras.map { RigCamera($0) }))
        #expect(report.cameras.allSatisfy { $0.seesConvergencePoint })
        let first = report.cameras[0]
        #expect(first.nearestNeighbour == "c1" || first.nearestNeighbour == "c5")
        #expect(abs(first.nearestNeighbourDistance! - 20) < 1e-9, "hexagon side equals its radius")
        #expect(abs(first.convergencePixel!.x - 959.5) < 1e-6)
    }

    @Test func parallelAxesHaveNoConvergencePoint() {
        let size = ImageSize(width: 100, height: 100)
        let cameras = [0.0, 5.0].map { x in
            Camera.lookingAt([x, 10, 0], from: [x, 0, 0], name: "p\(x)", size: size, intrinsics: Intrinsics(horizontalFieldOfView: 1, size: size))
        }
        #expect(AxisConvergence(cameras: cameras) == nil)
    }
}
import Foundation

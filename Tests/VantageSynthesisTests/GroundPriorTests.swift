import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// `GroundPrior.apply`: where a source's depth is wrong but the pixel shows the ground (the
/// pitch), the ground plane explains the neighbours' images better and replaces it; where the
/// pixel shows something else (players, stands) the ground is mostly not taken.
@Suite struct GroundPriorTests {
    static let fixture = StadiumFixture(sourceCount: 8, size: ImageSize(width: 320, height: 180))

    /// Per pixel, the camera-z of the ground plane z = 0 seen through it (`nil` above the horizon).
    static func groundDepths(_ camera: Camera) -> [Double?] {
        let width = camera.size.width, centre = camera.centerInWorld
        return (0..<(width * camera.size.height)).map { pixel in
            guard let ray = camera.rayInWorld(through: Vector2(Double(pixel % width), Double(pixel / width))), ray.z < -1e-9 else { return nil }
            return camera.camFromWorld.apply(centre + ray * (-centre.z / ray.z)).z
        }
    }

    @Test(arguments: [0, 3])
    func wrongDepthOnThePitchSnapsToTheGround(sourceIndex: Int) throws {
        let fixture = Self.fixture
        let reference = fixture.sources[sourceIndex]
        let others = fixture.sources.filter { $0.name != reference.name }
        let names = PlaneSweepDepth.neighbours(of: reference.camera, among: others.map(\.camera), count: 2)
        let neighbours = names.compactMap { name in others.first { $0.name == name } }
        try #require(neighbours.count == 2)
        let range = try #require(DepthRange.of(reference.camera, bounds: nil, rigCameras: fixture.sources.map(\.camera)))

        let truth = fixture.sourceDepths[sourceIndex].values
        let wrong = DepthEstimate(depth: DepthMap(width: reference.image.width, height: reference.image.height, values: truth.map { 0.7 * $0 }),
                                  confidence: [Float](repeating: 0.3, count: truth.count))
        let result = GroundPrior.apply(wrong, reference: reference, neighbours: neighbours, groundHeight: 0, range: range)

        var pitch = 0, pitchFixed = 0, lowConfidence = 0, offGround = 0, offGroundReplaced = 0
        for (pixel, groundDepth) in Self.groundDepths(reference.camera).enumerated() {
            guard let groundDepth, groundDepth >= range.near, groundDepth <= range.far, truth[pixel].isFinite else { continue }
            let exact = Double(truth[pixel])
            if abs(exact - groundDepth) < 0.02 * groundDepth {
                pitch += 1
                if abs(Double(result.depth.values[pixel]) - exact) < 0.02 * exact {
                    pitchFixed += 1
                    // A taken ground depth carries its agreement (1 − cost > 1 − maximumCost) as confidence.
                    if !(result.confidence[pixel] > 1 - GroundPrior.maximumCost) { lowConfidence += 1 }
                }
            } else if abs(exact - groundDepth) > 0.2 * groundDepth {
                offGround += 1
                if result.depth.values[pixel] != wrong.depth.values[pixel] { offGroundReplaced += 1 }
            }
        }
        try #require(pitch > 10_000 && offGround > 500, "pitch \(pitch), off the ground \(offGround)")
        let fixedShare = Double(pitchFixed) / Double(pitch), replacedShare = Double(offGroundReplaced) / Double(offGround)
        #expect(fixedShare > 0.8, "only \(pitchFixed) of \(pitch) pitch pixels within 2 % of truth")
        #expect(lowConfidence == 0, "\(lowConfidence) ground pixels kept a low confidence")
        #expect(replacedShare < 0.2, "\(offGroundReplaced) of \(offGround) pixels off the ground replaced by the ground")
    }

    @Test func withoutNeighboursTheEstimateIsKept() {
        let reference = Self.fixture.sources[0]
        let estimate = DepthEstimate(depth: DepthMap(width: reference.image.width, height: reference.image.height,
                                                     values: Self.fixture.sourceDepths[0].values.map { 0.7 * $0 }),
                                     confidence: [Float](repeating: 0.3, count: reference.image.width * reference.image.height))
        let result = GroundPrior.apply(estimate, reference: reference, neighbours: [], groundHeight: 0,
                                       range: DepthRange(near: 1, far: 500))
        #expect(result.depth == estimate.depth && result.confidence == estimate.confidence)
    }
}

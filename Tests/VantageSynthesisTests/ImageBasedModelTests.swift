import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// Depth straight from the stadium's ground truth, so these tests see the model, not stereo.
struct ExactDepthProvider: DepthProvider {
    let depths: [String: DepthEstimate]

    init(_ fixture: StadiumFixture) {
        depths = Dictionary(uniqueKeysWithValues: fixture.sources.indices.map { (fixture.sources[$0].name, fixture.exactDepth($0)) })
    }

    func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate { depths[camera]! }
}

@Suite struct ImageBasedModelTests {
    static let fixture = StadiumFixture(size: ImageSize(width: 320, height: 180))
    static let moment = Moment(captureMicroseconds: 1_000_000, views: fixture.sources)

    func model() throws -> ImageBasedModel {
        try ImageBasedModel(bounds: nil, depthProvider: ExactDepthProvider(Self.fixture))
    }

    @Test func rendersATruthCameraWithConfidence() throws {
        let target = Self.fixture.truthCameras[0]
        let rendered = try model().render(Self.moment, target: target)
        #expect(rendered.image.width == target.size.width && rendered.image.height == target.size.height)
        #expect(ImageMetrics.psnr(RGBImage(rendered.image), Self.fixture.truthImages[0]) > 24)
        #expect(rendered.meanConfidence > 0.5)
    }

    @Test func missingCamerasLowerConfidence() throws {
        let target = Self.fixture.truthCameras[0]
        let full = try model().render(Self.moment, target: target)
        let views = Array(Self.fixture.sources.dropFirst(2))
        let partial = try model().render(Moment(captureMicroseconds: 1_000_000, views: views,
                                                missingCameras: Self.fixture.sources.prefix(2).map(\.name)), target: target)
        #expect(partial.meanConfidence < full.meanConfidence)
        #expect(ImageMetrics.psnr(RGBImage(partial.image), Self.fixture.truthImages[0]) > 18)
    }

    @Test func distortedTargetGetsItsLens() throws {
        var target = Self.fixture.truthCameras[0]
        target.distortion = Distortion(k1: -0.2, k2: 0.05)
        let rendered = try model().render(Self.moment, target: target)
        let pinhole = try model().render(Self.moment, target: target.pinholeTwin)
        // Centre pixel unchanged by radial distortion; corners move.
        let centre = (target.size.height / 2) * target.size.width + target.size.width / 2
        #expect(abs(rendered.image.samples[centre] - pinhole.image.samples[centre]) < 0.05)
        #expect(RGBImage(rendered.image) != RGBImage(pinhole.image))
    }

    /// Ways a requested camera can be malformed.
    enum BadTarget: String, CaseIterable, Sendable {
        case nanTranslation, scaledRotation, mirrorRotation, zeroFieldOfView, absurdFieldOfView, zeroFocalLength, zeroSize, hugeSize

        func damage(_ camera: inout Camera) {
            switch self {
            case .nanTranslation: camera.camFromWorld.translation.x = .nan
            case .scaledRotation: camera.camFromWorld.rotation = Matrix3(rows: [2, 0, 0], [0, 1, 0], [0, 0, 1])
            case .mirrorRotation: camera.camFromWorld.rotation = Matrix3(rows: [-1, 0, 0], [0, 1, 0], [0, 0, 1])
            case .zeroFieldOfView: camera.intrinsics.fx = 1e12
            case .absurdFieldOfView: camera.intrinsics.fx = 0.01
            case .zeroFocalLength: camera.intrinsics.fx = 0
            case .zeroSize: camera.size = ImageSize(width: 0, height: 180)
            case .hugeSize: camera.size = ImageSize(width: 9000, height: 180)
            }
        }
    }

    @Test(arguments: BadTarget.allCases)
    func invalidTargetsAreRefused(_ bad: BadTarget) throws {
        var target = Self.fixture.truthCameras[0]
        bad.damage(&target)
        let error = #expect(throws: SynthesisError.self, "\(bad)") { try model().render(Self.moment, target: target) }
        #expect(error?.kind == .invalidTarget)
        #expect(error.map { !$0.message.contains("\n") } ?? false)
    }

    @Test func targetNoSourceSeesIsRefused() throws {
        // High above the stadium, looking straight up into the sky.
        let target = Camera.lookingAt([0, 0, 1000], from: [0, 0, 500], up: [0, 1, 0], name: "sky", size: ImageSize(width: 64, height: 36),
                                      intrinsics: Intrinsics(horizontalFieldOfView: 1, size: ImageSize(width: 64, height: 36)))
        let error = #expect(throws: SynthesisError.self) { try model().render(Self.moment, target: target) }
        #expect(error?.kind == .notVisible)
    }

    @Test func momentWithoutFramesIsRefused() throws {
        let empty = Moment(captureMicroseconds: 0, views: [], missingCameras: ["cam01"])
        let error = #expect(throws: SynthesisError.self) { try model().render(empty, target: Self.fixture.truthCameras[0]) }
        #expect(error?.kind == .notEnoughSources)
    }
}

import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

struct EvaluationBaselineTests {
    /// Eight sources and four truth cameras; truth cameras 3 and 4 sit on the ring between two sources.
    static let stadium = StadiumFixture(sourceCount: 8, truthCount: 4, size: ImageSize(width: 192, height: 108))
    let moment = Moment(captureMicroseconds: 0, views: Self.stadium.sources)
    var scene: StadiumFixture { Self.stadium }

    func psnr(_ model: some ViewModel, truth index: Int) throws -> Double {
        let rendered = try model.render(moment, target: scene.truthCameras[index])
        return ImageMetrics.psnr(RGBImage(rendered.image), scene.truthImages[index])
    }

    /// Truth cameras 3 and 4 sit on the ring between two sources: blending both through a plane
    /// beats showing either one.
    @Test func planeBlendBeatsTheNearestCameraBetweenSources() throws {
        for index in [2, 3] {
            let blend = try psnr(PlaneBlendModel(), truth: index), nearest = try psnr(NearestCameraModel(), truth: index)
            #expect(blend > nearest + 0.5, "truth \(index + 1): blend \(blend) dB, nearest \(nearest) dB")
        }
    }

    @Test func renderingASourceFromItselfReproducesIt() throws {
        let source = moment.views[2]
        let nearest = try NearestCameraModel().render(moment, target: source.camera)
        #expect(nearest.image == source.image && nearest.sourceNames == [source.name])
        let blend = try PlaneBlendModel().render(moment, target: source.camera)
        #expect(ImageMetrics.psnr(RGBImage(blend.image), RGBImage(source.image)) > 40)
        #expect(blend.meanConfidence == 1)
        #expect(blend.sourceNames.first == source.name && Set(blend.sourceNames).isSubset(of: moment.views.map(\.name)))
    }

    @Test func nearestPicksTheClosestSourceAndResizesToTheTarget() throws {
        var target = moment.views[5].camera
        target.name = "half"
        target = try #require(target.fitted(toMediaWidth: 96, height: 54))
        #expect(NearestCameraModel.nearest(to: target, among: moment.views.map(\.camera))?.name == moment.views[5].name)
        let rendered = try NearestCameraModel().render(moment, target: target)
        #expect(rendered.image.width == 96 && rendered.image.height == 54)
    }

    @Test func distortedTargetsGetTheirOwnSizeAndLens() throws {
        var target = scene.truthCameras[2]
        target.distortion = Distortion(k1: -0.2, k2: 0.05)
        for model in [NearestCameraModel(), PlaneBlendModel()] as [any ViewModel] {
            let distorted = try model.render(moment, target: target)
            let pinhole = try model.render(moment, target: target.pinholeTwin)
            #expect(distorted.image.width == target.size.width && distorted.image.height == target.size.height)
            #expect(distorted.image != pinhole.image, "\(model.name) applies the lens")
        }
    }

    func kind(of model: any ViewModel, _ moment: Moment, _ target: Camera) -> SynthesisError.Kind? {
        do {
            _ = try model.render(moment, target: target)
            return nil
        } catch { return error.kind }
    }

    @Test func invalidAndUnseenTargetsThrow() {
        var empty = scene.truthCameras[0]
        empty.size = ImageSize(width: 0, height: 10)
        // The spider-cam turned to look straight up: every source looks down at the pitch.
        let spider = scene.truthCameras[1]
        let sky = Camera.lookingAt(spider.centerInWorld + Vector3(0, 0, 10), from: spider.centerInWorld, up: [0, 1, 0],
                                   name: "sky", size: spider.size, intrinsics: spider.intrinsics)
        for model in [NearestCameraModel(), PlaneBlendModel()] as [any ViewModel] {
            #expect(kind(of: model, moment, empty) == .invalidTarget, "\(model.name)")
            #expect(kind(of: model, moment, sky) == .notVisible, "\(model.name)")
        }
        #expect(kind(of: PlaneBlendModel(), Moment(captureMicroseconds: 0, views: []), spider) == .notEnoughSources)
        #expect(kind(of: NearestCameraModel(), Moment(captureMicroseconds: 0, views: []), spider) == .notVisible)
    }

    @Test func badBlendOptionsAreRefused() {
        for options in [PlaneBlendOptions(planeDepth: -1), PlaneBlendOptions(planeDepth: .nan), PlaneBlendOptions(neighbours: 0)] {
            #expect(throws: SynthesisError.self) { try PlaneBlendModel(options: options).render(moment, target: scene.truthCameras[0]) }
        }
    }
}

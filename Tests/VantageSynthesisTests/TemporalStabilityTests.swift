import Foundation
import Testing
import VantageGeometry
import VantageMedia
import VantageSample
@testable import VantageSynthesis

/// Consecutive frames of a replay rendered from a fixed camera must not flicker where the scene
/// is static: background layers reuse one plate depth across moments, per-moment stereo does not.
@Suite struct TemporalStabilityTests {
    @Test func backgroundLayersKeepStaticPixelsStill() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-temporal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = SampleOptions(output: folder)
        options.cameras = 6
        options.truthCameras = 1
        options.seconds = 0.4
        options.size = ImageSize(width: 320, height: 180)
        options.depthMaps = .none
        _ = try SampleGenerator.generate(options)
        let rig = try RigFile.read(from: folder.appendingPathComponent("rig.json"))
        let truthRig = try RigFile.read(from: folder.appendingPathComponent("truth-rig.json"))
        let target = truthRig.cameras[0].camera
        let truth = try TruthFrames(rig: truthRig, rigDirectory: folder, cameras: [target.name])

        func flicker(_ makeProvider: (RigFrameSource, StereoDepthProvider) -> any DepthProvider) throws -> Float {
            let frames = try RigFrameSource(rig: rig, rigDirectory: folder)
            let stereo = try StereoDepthProvider(bounds: rig.bounds, groundHeight: 0)
            let model = try ImageBasedModel(bounds: rig.bounds, depthProvider: makeProvider(frames, stereo))
            let moments = try [4, 5].map { try frames.moment(at: .frame($0), cameras: nil) }
            let renders = try moments.map { try model.render($0, target: target).image }
            let truths = try moments.map { try truth.frame(of: target.name, captureMicroseconds: $0.captureMicroseconds) }
            // Mean change between the two renders over pixels whose true colour did not change.
            let planeSize = target.size.width * target.size.height
            var change: Float = 0, count: Float = 0
            for pixel in 0..<planeSize {
                let still = (0..<3).allSatisfy { abs(truths[0].samples[$0 * planeSize + pixel] - truths[1].samples[$0 * planeSize + pixel]) < 1.5 / 255 }
                guard still else { continue }
                for channel in 0..<3 { change += abs(renders[0].samples[channel * planeSize + pixel] - renders[1].samples[channel * planeSize + pixel]) }
                count += 3
            }
            return change / max(count, 1)
        }
        let layered = try flicker { frames, stereo in LayeredDepthProvider(stereo: stereo, frames: frames) }
        let perMoment = try flicker { _, stereo in stereo }
        print("temporal change on static pixels: layered \(layered), per-moment stereo \(perMoment)")
        #expect(layered < perMoment)
        #expect(layered < 0.02)
    }
}

import Foundation
import Testing
import VantageGeometry
import VantageMedia
import VantageSample
@testable import VantageSynthesis

struct EvaluationRunnerTests {
    /// A tiny recorded sample (4 cameras, 2 frames of 160×90) in a fresh folder; the caller removes `parent`.
    static func tinySample() throws -> (parent: URL, layout: SampleLayout) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-eval-\(UUID())")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        var options = SampleOptions(output: parent.appendingPathComponent("stadium"))
        options.cameras = 4
        options.truthCameras = 1
        options.seconds = 0.2
        options.framesPerSecond = 10
        options.size = ImageSize(width: 160, height: 90)
        options.depthMaps = .none
        FFmpegLog.setLevel(.error)
        _ = try SampleGenerator.generate(options)
        return (parent, SampleLayout(folder: options.output))
    }

    @Test func evaluatesEachHeldOutViewWithEveryModelAndWritesTheFolder() throws {
        let (parent, layout) = try Self.tinySample()
        defer { try? FileManager.default.removeItem(at: parent) }
        let rig = try RigFile.read(from: layout.sourceRig)
        let source = try RigFrameSource(rig: rig, rigDirectory: layout.folder)
        let heldOut = try HoldoutSelection.every(2).resolve(sources: source.sourceNames, all: source.cameras.map(\.name))
        #expect(heldOut == ["cam01", "cam03"])
        let runner = EvaluationRunner(source: source, truth: try TruthFrames(rig: rig, rigDirectory: layout.folder, cameras: heldOut),
                                      models: [PlaneBlendModel(), NearestCameraModel()])
        let folder = try EvaluationFolder(parent.appendingPathComponent("report"))
        var progress: [Int] = []
        let report = try runner.run(rigName: rig.name, heldOut: heldOut, frames: [0, 1]) { view, done, total in
            progress.append(done)
            #expect(total == 4)
            try folder.write(view)
        }
        try folder.write(report)

        #expect(progress == [1, 2, 3, 4])
        #expect(report.rows.count == 8 && report.models == ["blend", "nearest"])
        for row in report.rows {
            #expect(row.error == nil && (row.psnr ?? 0) > 10 && (row.ssim ?? -1) > 0 && (row.ssim ?? 2) < 1, "\(row)")
        }
        #expect(report.means.map(\.views) == [4, 4])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(files == ["contact-cam01-f0.png", "contact-cam01-f1.png", "contact-cam03-f0.png", "contact-cam03-f1.png", "report.json"])
        let reread = try EvaluationReport.decode(Data(contentsOf: folder.url.appendingPathComponent("report.json")))
        #expect(reread == report)
        let sheet = try ImageIO.read(folder.url.appendingPathComponent("contact-cam01-f0.png").path)
        #expect(sheet.width > 4 * 160, "truth, two renders and the error map side by side")
    }

    @Test func meansLeaveFailedRendersOut() {
        let report = EvaluationReport(rig: "r", models: ["blend"], heldOut: ["cam01"], frames: [0, 1], rows: [
            EvaluationRow(camera: "cam01", frame: 0, model: "blend", milliseconds: 1, error: "not visible"),
            EvaluationRow(camera: "cam01", frame: 1, model: "blend", psnr: 20, ssim: 0.5, milliseconds: 3, meanConfidence: 1),
        ])
        let mean = report.means[0]
        #expect(mean.views == 1 && mean.failures == 1 && mean.psnr == 20 && mean.ssim == 0.5 && mean.milliseconds == 3)
    }
}

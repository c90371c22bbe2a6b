import ArgumentParser
import Foundation
import VantageGeometry
import VantageSynthesis

/// `vantage eval`: renders held-out cameras from the others and compares them with what they recorded.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Judge view models on held-out cameras: PSNR, SSIM and render time per model.",
        discussion: """
            Each held-out camera is rendered from the other cameras' frames with its calibrated pose, \
            intrinsics and lens, and compared with the frame it really recorded. Writes report.json and, \
            per held-out view, contact-<camera>-f<frame>.png (truth | each model | error map of the first model).
            """)

    @OptionGroup var rigOption: RigOption

    @Option(help: "Cameras to hold out: names separated by commas, or every:N for source cameras 0, N, 2N, … in rig order.")
    var holdout: String

    @Option(help: "A rig of cameras that are only ever targets, never sources (e.g. a sample's truth-rig.json); --holdout then names its cameras.")
    var truthRig: String?

    @Option(help: "Frames to evaluate: a list and/or ranges, e.g. 0,10,20 or 0-40:10.")
    var frames = "0"

    @Option(help: "The folder to write report.json and the contact sheets into (created if needed).")
    var report: String

    @Option(help: "View models to compare, the first one shown in the error maps. Available: \(EvalModels.available.joined(separator: ", ")).")
    var models = EvalModels.available.joined(separator: ",")

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    func run() throws {
        let (rig, source) = try rigOption.open()
        let rigDirectory = URL(fileURLWithPath: rigOption.rig).deletingLastPathComponent()
        // Held-out cameras come from the rig itself or, with --truth-rig, from a rig of target-only cameras.
        let targetRig = try truthRig.map { path in (rig: try loadRig(at: path), directory: URL(fileURLWithPath: path).deletingLastPathComponent()) }
        let targetCameras = targetRig.map { $0.rig.cameras.map(\.camera) } ?? source.cameras
        let allCameras = targetCameras.map(\.name)
        let candidates = targetRig == nil ? allCameras.filter(Set(source.sourceNames).contains) : allCameras
        let heldOut = try HoldoutSelection(parsing: holdout).resolve(sources: candidates, all: allCameras)
        let frameNumbers = try FrameSelection.parse(frames)
        for frame in frameNumbers { _ = try source.seconds(of: .frame(frame)) }  // all in the replay before any work
        let truth = try TruthFrames(rig: targetRig?.rig ?? rig, rigDirectory: targetRig?.directory ?? rigDirectory, cameras: heldOut)
        let runner = EvaluationRunner(source: source, truth: truth, models: try EvalModels.make(models, rig: rig, frames: source),
                                      targets: targetCameras)
        let folder = try EvaluationFolder(URL(fileURLWithPath: report))
        let progress = ProgressReporter(task: "eval")
        let start = ContinuousClock.now
        let result = try runner.run(rigName: rig.name, heldOut: heldOut, frames: frameNumbers) { view, done, total in
            try folder.write(view)
            progress.report(done: done, total: total, elapsedSeconds: (ContinuousClock.now - start) / .seconds(1))
        }
        try folder.write(result)
        if json {
            print(String(decoding: try result.jsonData(), as: UTF8.self))
        } else {
            print(EvalTable.rendered(result))
        }
    }
}

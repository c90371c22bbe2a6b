import Foundation
import VantageGeometry
import VantageMedia

/// One held-out view after every model has rendered it.
public struct EvaluatedView {
    public var camera: String
    public var frame: Int
    public var truth: RGBImage
    /// Each model's render in model order; `nil` where it failed.
    public var renders: [(model: String, image: RGBImage?)]
    /// One row per model, in model order.
    public var rows: [EvaluationRow]
}

/// Renders held-out cameras from the others with each model and compares them with what the cameras
/// really recorded.
///
/// For each frame the moment is loaded once; for each held-out camera its view is removed from the
/// moment (`Moment.excluding`), its calibrated camera (lens included) is the target, and its recorded
/// frame (`TruthFrames`) is the truth.
public struct EvaluationRunner {
    public let source: any FrameSource
    public let truth: TruthFrames
    public let models: [any ViewModel]
    /// The cameras that can be held out: the source's own, or cameras that are only ever targets
    /// (a sample's ground-truth cameras).
    public let targets: [Camera]

    public init(source: any FrameSource, truth: TruthFrames, models: [any ViewModel], targets: [Camera]? = nil) {
        precondition(!models.isEmpty, "an evaluation needs at least one model")
        self.source = source
        self.truth = truth
        self.models = models
        self.targets = targets ?? source.cameras
    }

    /// Evaluates every (frame, held-out camera) pair; `onView` sees each view as it is finished,
    /// with the count done and the total (for progress and contact sheets). Throws when a frame
    /// cannot be loaded, a truth frame is missing, or a held-out camera is smaller than the SSIM window.
    public func run(rigName: String, heldOut: [String], frames: [Int],
                    onView: (EvaluatedView, _ done: Int, _ total: Int) throws -> Void) throws -> EvaluationReport {
        var rows: [EvaluationRow] = []
        let total = heldOut.count * frames.count
        var done = 0
        for frame in frames {
            let moment = try source.moment(at: .frame(frame), cameras: nil)
            for name in heldOut {
                let view = try evaluate(camera: name, frame: frame, moment: moment)
                rows += view.rows
                done += 1
                try onView(view, done, total)
            }
        }
        return EvaluationReport(rig: rigName, models: models.map(\.name), heldOut: heldOut, frames: frames, rows: rows)
    }

    private func evaluate(camera name: String, frame: Int, moment: Moment) throws -> EvaluatedView {
        guard let target = targets.first(where: { $0.name == name }) else { preconditionFailure("held-out camera \(name) is not a target") }
        let side = ImageMetrics.ssimWindowSide
        guard target.size.width >= side && target.size.height >= side else {
            throw SynthesisError(.invalidTarget, "camera '\(name)' is \(target.size), smaller than the \(side)×\(side) SSIM window")
        }
        let truthImage = RGBImage(try truth.frame(of: name, captureMicroseconds: moment.captureMicroseconds))
        let sources = moment.excluding([name])
        var renders: [(model: String, image: RGBImage?)] = []
        var rows: [EvaluationRow] = []
        for model in models {
            let start = ContinuousClock.now
            let outcome = Result { () throws(SynthesisError) -> RenderedView in try model.render(sources, target: target) }
            let milliseconds = (ContinuousClock.now - start) / .milliseconds(1)
            var row = EvaluationRow(camera: name, frame: frame, model: model.name, milliseconds: milliseconds)
            switch outcome {
            case let .success(rendered):
                precondition(rendered.image.width == target.size.width && rendered.image.height == target.size.height,
                             "model \(model.name) rendered \(rendered.image.width)x\(rendered.image.height) for a \(target.size) target")
                let image = RGBImage(rendered.image)
                row.psnr = ImageMetrics.psnr(image, truthImage)
                row.ssim = ImageMetrics.ssim(image, truthImage)
                row.meanConfidence = rendered.meanConfidence
                row.sources = rendered.sourceNames
                renders.append((model.name, image))
            case let .failure(error):
                row.error = error.message
                renders.append((model.name, nil))
            }
            rows.append(row)
        }
        return EvaluatedView(camera: name, frame: frame, truth: truthImage, renders: renders, rows: rows)
    }
}

import Dispatch
import VantageMedia
import VantageSynthesis

/// Frames rendered by a view model in this process, on one thread of their own (the model and
/// its frame source are not thread-safe; the model spreads each render over every core itself).
public final class ModelFrameSource: HighlightFrameSource, @unchecked Sendable {
    private let model: any ViewModel
    private let frames: any FrameSource
    private let queue = DispatchQueue(label: "vantage.highlight.render")

    /// `model` and `frames` are used only from this source's thread from now on.
    public init(model: any ViewModel, frames: any FrameSource) {
        self.model = model
        self.frames = frames
    }

    public func frame(_ index: Int, of plan: HighlightPlan) async throws -> RGBImage {
        let sample = plan.samples[index]
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result {
                    let moment = try self.frames.moment(at: .seconds(sample.replaySeconds), cameras: nil)
                    return RGBImage(try self.model.render(moment, target: sample.camera).image)
                })
            }
        }
    }
}

import VantageHighlights
import VantageMedia

/// A highlight's frames rendered on the server's render thread, one render job per frame, so
/// interactive sessions and stills interleave with a long job instead of waiting for it.
struct ServiceFrameSource: HighlightFrameSource {
    let service: RenderService

    func frame(_ index: Int, of plan: HighlightPlan) async throws -> RGBImage {
        let sample = plan.samples[index]
        return try await service.render(sample.camera, seconds: sample.replaySeconds, admission: .takesItsTurn) { $0 }.payload
    }
}

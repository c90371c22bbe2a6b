import VantageHighlights
import VantageMedia

/// A highlight's frames rendered on the server's render thread, one render job per frame, so
/// interactive sessions and stills interleave with a long job instead of waiting for it.
struct ServiceFrameSource: HighlightFrameSource {
    let service: RenderService

    func frame(_ index: Int, of plan: HighlightPlan) async throws -> RGBImage {
        let sample = plan.samples[index]
        while true {
            do {
                return try await service.render(sample.camera, seconds: sample.replaySeconds) { $0 }.payload
            } catch let error as APIError where error.headers[.retryAfter] != nil {
                try await Task.sleep(for: .milliseconds(200))  // the render queue is full: wait a turn
            }
        }
    }
}

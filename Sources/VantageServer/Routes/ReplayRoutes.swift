import Hummingbird

extension ReplayInfo: ResponseEncodable {}

extension Router<VantageRequestContext> {
    /// `GET /api/replay`: the replay's time range and moments.
    func addReplayRoute(service: RenderService) {
        get("/api/replay") { _, _ in service.replayInfo }
    }
}

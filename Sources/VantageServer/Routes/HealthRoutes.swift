import Hummingbird

/// `GET /health`: the server is up and serving a replay.
struct HealthBody: ResponseEncodable {
    var status = "ok"
    var cameras: Int
    var frames: Int
    var durationSeconds: Double
}

extension Router<VantageRequestContext> {
    func addHealthRoute(service: RenderService) {
        get("/health") { _, _ -> HealthBody in
            let replay = service.replayInfo
            return HealthBody(cameras: service.cameras.count, frames: replay.moments, durationSeconds: replay.durationSeconds)
        }
    }
}

import Hummingbird

extension Router<VantageRequestContext> {
    /// `GET /api/cameras/{name}/frame?time=&format=&quality=`: a physical camera's frame at a
    /// replay time, decoded and undistorted as the model sees it.
    func addCameraFrameRoute(service: RenderService) {
        get("/api/cameras/:name/frame") { request, context -> Response in
            let name = try context.parameters.require("name")
            guard service.camera(named: name) != nil else {
                throw APIError.notFound("camera: no camera '\(name)' in rig '\(service.rig.name)' (cameras: \(service.cameras.map(\.name).joined(separator: ", ")))")
            }
            guard service.sourceNames.contains(name) else {
                throw APIError.notFound("camera: '\(name)' has no frames in the replay store (cameras with frames: \(service.sourceNames.sorted().joined(separator: ", ")))")
            }
            let query = QueryValues(request)
            guard let time = try query.double("time") else { throw APIError.badRequest("time: required query parameter is missing (seconds from the replay's start)") }
            let seconds = try service.replayInfo.checkTime(time, field: "time")
            let encoding = try ImageEncoding(format: query.string("format"), quality: try query.int("quality"))
            return try await APIError.mapping { try await service.cameraFrame(name, seconds: seconds, encoding: encoding).response }
        }
    }
}

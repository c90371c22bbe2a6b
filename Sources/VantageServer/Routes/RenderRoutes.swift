import Hummingbird
import VantageGeometry

extension Router<VantageRequestContext> {
    /// `POST /api/render` (a pose or a rig camera, JSON) and `GET /api/render` (a rig camera,
    /// query): a still at a replay time, as JPEG or PNG. Everything is checked before queueing.
    func addRenderRoutes(service: RenderService) {
        post("/api/render") { request, context -> Response in
            let body = try await decodeJSONBody(RenderBody.self, request: request, context: context)
            let encoding = try ImageEncoding(format: body.format, quality: body.quality)
            let (target, seconds) = try body.checkedTarget(service: service)
            return try await APIError.mapping { try await service.render(target, seconds: seconds, encoding: encoding).response }
        }

        get("/api/render") { request, _ -> Response in
            let query = QueryValues(request)
            let name = try query.requiredString("camera")
            guard let time = try query.double("time") else { throw APIError.badRequest("time: required query parameter is missing (seconds from the replay's start)") }
            let seconds = try service.replayInfo.checkTime(time, field: "time")
            let encoding = try ImageEncoding(format: query.string("format"), quality: try query.int("quality"))
            let size: ImageSize?
            switch (try query.int("width"), try query.int("height")) {
            case (nil, nil): size = nil
            case let (width?, height?): size = try RenderTarget.checkedSize(width: width, height: height, options: service.options, field: "width, height")
            default: throw APIError.badRequest("width, height: give both or neither")
            }
            let target = try RenderTarget.rigCamera(name, size: size, service: service)
            return try await APIError.mapping { try await service.render(target, seconds: seconds, encoding: encoding).response }
        }
    }
}

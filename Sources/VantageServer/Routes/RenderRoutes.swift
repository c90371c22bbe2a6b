import Hummingbird
import VantageGeometry

extension Router<VantageRequestContext> {
    /// `POST /api/render` (a pose or a rig camera, JSON) and `GET /api/render` (a rig camera,
    /// query): a still at a replay time, as JPEG or PNG. Everything is checked before queueing.
    func addRenderRoutes(service: RenderService) {
        post("/api/render") { request, context -> Response in
            let body = try await decodeJSONBody(RenderBody.self, request: request, context: context)
            guard let time = body.time else { throw APIError.badRequest("time: required field is missing (seconds from the replay's start)") }
            let seconds = try service.replayInfo.checkTime(time, field: "time")
            let encoding = try ImageEncoding(format: body.format, quality: body.quality)
            let size = try body.size.map { (size) throws(APIError) in
                try RenderTarget.checkedSize(width: size.width, height: size.height, options: service.options)
            }
            let target: Camera
            switch (body.pose, body.camera) {
            case let (pose?, nil):
                guard let size else { throw APIError.badRequest("size: required with a pose, e.g. {\"width\": 1280, \"height\": 720}") }
                target = try RenderTarget.pose(pose, size: size)
            case let (nil, name?):
                target = try RenderTarget.rigCamera(name, size: size, service: service)
            default:
                throw APIError.badRequest("pose, camera: expected exactly one of \"pose\" (a look-at pose) or \"camera\" (a rig camera's name)")
            }
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

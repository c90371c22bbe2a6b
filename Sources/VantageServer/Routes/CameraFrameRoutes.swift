import Hummingbird
import VantageGeometry

extension Router<VantageRequestContext> {
    /// `GET /api/cameras/{name}/frame?time=&format=&quality=&width=&height=`: a physical camera's
    /// frame at a replay time, decoded and undistorted as the model sees it; scaled when a width
    /// or height is given (the other side follows the frame's aspect unless given too).
    func addCameraFrameRoute(service: RenderService) {
        get("/api/cameras/:name/frame") { request, context -> Response in
            let name = try context.parameters.require("name")
            guard let camera = service.camera(named: name) else {
                throw APIError.notFound("camera: no camera '\(name)' in rig '\(service.rig.name)' (cameras: \(service.cameras.map(\.name).joined(separator: ", ")))")
            }
            guard service.sourceNames.contains(name) else {
                throw APIError.notFound("camera: '\(name)' has no frames in the replay store (cameras with frames: \(service.sourceNames.sorted().joined(separator: ", ")))")
            }
            let query = QueryValues(request)
            guard let time = try query.double("time") else { throw APIError.badRequest("time: required query parameter is missing (seconds from the replay's start)") }
            let seconds = try service.replayInfo.checkTime(time, field: "time")
            let encoding = try ImageEncoding(format: query.string("format"), quality: try query.int("quality"))
            let size = try scaledSize(of: camera.size, width: try query.int("width"), height: try query.int("height"), options: service.options)
            return try await APIError.mapping { try await service.cameraFrame(name, seconds: seconds, size: size, encoding: encoding).response }
        }
    }
}

/// `width` and/or `height` for a picture of `size`, the missing side keeping its aspect; `nil` when neither is given.
func scaledSize(of size: ImageSize, width: Int?, height: Int?, options: ServerOptions) throws(APIError) -> ImageSize? {
    func side(_ value: Int, _ field: String) throws(APIError) -> Double {
        guard (1...options.maxRenderSide).contains(value) else {
            throw APIError.badRequest("\(field): expected 1...\(options.maxRenderSide) pixels, found \(value)")
        }
        return Double(value)
    }
    let aspect = Double(size.width) / Double(max(1, size.height))
    switch (width, height) {
    case (nil, nil): return nil
    case let (width?, height?): return try RenderTarget.checkedSize(width: width, height: height, options: options, field: "width, height")
    case let (width?, nil):
        let height = max(1, Int((try side(width, "width") / aspect).rounded()))
        return try RenderTarget.checkedSize(width: width, height: height, options: options, field: "width")
    case let (nil, height?):
        let width = max(1, Int((try side(height, "height") * aspect).rounded()))
        return try RenderTarget.checkedSize(width: width, height: height, options: options, field: "height")
    }
}

import VantageGeometry
import VantageSynthesis

/// The body of `POST /api/render`.
struct RenderBody: Decodable {
    struct Pose: Decodable {
        var position: [Double]
        var lookAt: [Double]
        var up: [Double]?
        var horizontalFieldOfViewDegrees: Double
    }

    struct Size: Decodable {
        var width: Int
        var height: Int
    }

    var time: Double?
    var pose: Pose?
    /// A seat: a position in world metres, looking at the rig's point of interest.
    var seat: [Double]?
    var camera: String?
    var size: Size?
    var format: String?
    var quality: Int?
}

extension RenderBody {
    private enum CodingKeys: String, CodingKey { case time, pose, seat, camera, size, format, quality }

    /// An optional field may be left out, but `null` is refused with a 400 naming it, as the
    /// OpenAPI document says (no field is nullable).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        time = try container.decodeUnlessAbsent(Double.self, forKey: .time)
        pose = try container.decodeUnlessAbsent(Pose.self, forKey: .pose)
        seat = try container.decodeUnlessAbsent([Double].self, forKey: .seat)
        camera = try container.decodeUnlessAbsent(String.self, forKey: .camera)
        size = try container.decodeUnlessAbsent(Size.self, forKey: .size)
        format = try container.decodeUnlessAbsent(String.self, forKey: .format)
        quality = try container.decodeUnlessAbsent(Int.self, forKey: .quality)
    }
}

extension RenderBody.Pose {
    private enum CodingKeys: String, CodingKey { case position, lookAt, up, horizontalFieldOfViewDegrees }

    /// As `RenderBody`'s: `up` may be left out, not `null`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        position = try container.decode([Double].self, forKey: .position)
        lookAt = try container.decode([Double].self, forKey: .lookAt)
        up = try container.decodeUnlessAbsent([Double].self, forKey: .up)
        horizontalFieldOfViewDegrees = try container.decode(Double.self, forKey: .horizontalFieldOfViewDegrees)
    }
}

extension RenderBody {
    /// The camera this body asks for and its replay time in seconds, checked against the
    /// service's limits before anything is queued.
    func checkedTarget(service: RenderService) throws(APIError) -> (camera: Camera, seconds: Double) {
        guard let time else { throw APIError.badRequest("time: required field is missing (seconds from the replay's start)") }
        let seconds = try service.replayInfo.checkTime(time, field: "time")
        let checkedSize = try size.map { (size) throws(APIError) in
            try RenderTarget.checkedSize(width: size.width, height: size.height, options: service.options)
        }
        switch (pose, seat, camera) {
        case let (pose?, nil, nil):
            guard let checkedSize else { throw APIError.badRequest("size: required with a pose, e.g. {\"width\": 1280, \"height\": 720}") }
            return (try RenderTarget.pose(pose, size: checkedSize), seconds)
        case let (nil, seat?, nil):
            guard let checkedSize else { throw APIError.badRequest("size: required with a seat, e.g. {\"width\": 1280, \"height\": 720}") }
            return (try RenderTarget.seat(seat, service: service, size: checkedSize), seconds)
        case let (nil, nil, name?):
            return (try RenderTarget.rigCamera(name, size: checkedSize, service: service), seconds)
        default:
            throw APIError.badRequest("pose, seat, camera: expected exactly one of \"pose\" (a look-at pose), \"seat\" ([x, y, z]) or \"camera\" (a rig camera's name)")
        }
    }
}

/// Builds and checks the camera a client asks for, before anything is queued.
enum RenderTarget {
    /// A size within the server's limits, or a 400 naming the limit.
    static func checkedSize(width: Int, height: Int, options: ServerOptions, field: String = "size") throws(APIError) -> ImageSize {
        guard width >= 1, height >= 1 else {
            throw .badRequest("\(field): expected a positive width and height, found \(width)x\(height)")
        }
        guard width <= options.maxRenderSide, height <= options.maxRenderSide, width.multipliedReportingOverflow(by: height).partialValue <= options.maxRenderPixels,
              !width.multipliedReportingOverflow(by: height).overflow else {
            throw .badRequest("\(field): \(width)x\(height) is larger than this server renders (\(options.maxRenderSizeText))")
        }
        return ImageSize(width: width, height: height)
    }

    /// The rig camera `name` (404 if the rig has none), resized to `size` when given.
    static func rigCamera(_ name: String, size: ImageSize?, service: RenderService, field: String = "camera") throws(APIError) -> Camera {
        guard let camera = service.camera(named: name) else {
            throw .notFound("\(field): no camera '\(name)' in rig '\(service.rig.name)' (cameras: \(service.cameras.map(\.name).joined(separator: ", ")))")
        }
        let target = size.map { camera.resized(to: $0) } ?? camera
        if size == nil { _ = try checkedSize(width: camera.size.width, height: camera.size.height, options: service.options, field: "camera \(name)'s size") }
        return try validated(target)
    }

    /// The look-at pose of a request, at `size`.
    static func pose(_ pose: RenderBody.Pose, size: ImageSize) throws(APIError) -> Camera {
        let position = try vector(pose.position, field: "pose.position")
        let lookAt = try vector(pose.lookAt, field: "pose.lookAt")
        let up = try pose.up.map { (values) throws(APIError) in try vector(values, field: "pose.up") } ?? [0, 0, 1]
        let fov = pose.horizontalFieldOfViewDegrees
        guard fov.isFinite, TargetValidation.fieldOfViewDegrees.contains(fov) else {
            throw .badRequest("pose.horizontalFieldOfViewDegrees: expected \(Int(TargetValidation.fieldOfViewDegrees.lowerBound))...\(Int(TargetValidation.fieldOfViewDegrees.upperBound)) degrees, found \(fov)")
        }
        guard (lookAt - position).length > 1e-9 else { throw .badRequest("pose.lookAt: must differ from pose.position") }
        guard up.length > 1e-9 else { throw .badRequest("pose.up: expected a non-zero vector") }
        let camera = Camera.lookingAt(lookAt, from: position, up: up, name: "pose", size: size,
                                      intrinsics: Intrinsics(horizontalFieldOfView: fov * .pi / 180, size: size))
        return try validated(camera)
    }

    /// Field of view of a seat's view, in degrees.
    static let seatFieldOfViewDegrees = 60.0

    /// A seat at `position`, looking at the rig's point of interest.
    static func seat(_ position: [Double], service: RenderService, size: ImageSize) throws(APIError) -> Camera {
        let seat = try vector(position, field: "seat"), at = service.pointOfInterest
        guard (at - seat).length > 1e-9 else { throw .badRequest("seat: must differ from the point the rig looks at, \(at)") }
        let pose = RenderBody.Pose(position: position, lookAt: [at.x, at.y, at.z], up: nil, horizontalFieldOfViewDegrees: seatFieldOfViewDegrees)
        return try Self.pose(pose, size: size)
    }

    private static func vector(_ values: [Double], field: String) throws(APIError) -> Vector3 {
        guard values.count == 3 else { throw .badRequest("\(field): expected [x, y, z] in world metres, found \(values.count) number\(values.count == 1 ? "" : "s")") }
        guard values.allSatisfy(\.isFinite) else { throw .badRequest("\(field): expected finite numbers, found \(values)") }
        return Vector3(values[0], values[1], values[2])
    }

    private static func validated(_ camera: Camera) throws(APIError) -> Camera {
        do throws(SynthesisError) {
            try TargetValidation.validate(camera)
        } catch {
            throw APIError(error)
        }
        return camera
    }
}

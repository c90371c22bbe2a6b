import VantageGeometry

/// What `GET /api/stream.ts` plays, checked before the first byte: one view (a rig camera, a
/// seat or a look-at pose) at `fps`, replay time running from `from` to `to` at `speed` (0
/// freezes it), once or looping for ever.
struct StreamPlan: Sendable {
    var camera: Camera
    var framesPerSecond: Int
    var fromSeconds: Double
    var toSeconds: Double
    /// Replay seconds per second of stream.
    var speed: Double
    var loops: Bool

    static let defaultSize = ImageSize(width: 1280, height: 720)
    static let defaultFramesPerSecond = 10

    init(query: QueryValues, service: RenderService) throws(APIError) {
        let replay = service.replayInfo
        framesPerSecond = try query.int("fps") ?? Self.defaultFramesPerSecond
        guard (1...60).contains(framesPerSecond) else { throw .badRequest("fps: expected 1...60 frames per second, found \(framesPerSecond)") }
        fromSeconds = try replay.checkTime(try query.double("from") ?? 0, field: "from")
        toSeconds = try replay.checkTime(try query.double("to") ?? replay.lastFrameStartSeconds, field: "to")
        guard fromSeconds <= toSeconds else { throw .badRequest("from, to: expected from ≤ to, found \(fromSeconds) and \(toSeconds)") }
        speed = try query.double("speed") ?? 1
        guard (0...16).contains(speed) else { throw .badRequest("speed: expected 0...16 (0 freezes time), found \(speed)") }
        switch query.string("loop")?.lowercased() {
        case nil, "true", "1": loops = true
        case "false", "0": loops = false
        case let other?: throw .badRequest("loop: expected true or false, found \"\(other)\"")
        }
        guard loops || speed > 0 else { throw .badRequest("speed: 0 freezes time, so a stream that does not loop would never end; give loop=true or a speed above 0") }
        camera = try Self.view(query: query, service: service)
    }

    /// The frame `index`'s replay time: `from` plus stream time × speed, wrapped into the range
    /// when looping; nil once a stream that does not loop has passed `to`.
    func seconds(ofFrame index: Int) -> Double? {
        let advanced = Double(index) * speed / Double(framesPerSecond)
        let span = toSeconds - fromSeconds
        if loops { return span > 0 ? fromSeconds + advanced.truncatingRemainder(dividingBy: span) : fromSeconds }
        return advanced <= span + 1e-9 ? min(toSeconds, fromSeconds + advanced) : nil
    }

    /// The camera a query names: `camera`, `seat` or `position` + `lookAt` (+ `fov`), at an even
    /// `width`×`height` (H.264 4:2:0 needs even sides).
    private static func view(query: QueryValues, service: RenderService) throws(APIError) -> Camera {
        let size: ImageSize?
        switch (try query.int("width"), try query.int("height")) {
        case (nil, nil): size = nil
        case let (width?, height?):
            let checked = try RenderTarget.checkedSize(width: width, height: height, options: service.options, field: "width, height")
            guard width % 2 == 0, height % 2 == 0 else { throw .badRequest("width, height: H.264 needs even sides, found \(width)x\(height)") }
            size = checked
        default: throw .badRequest("width, height: give both or neither")
        }
        let views = ["camera", "seat", "position"].filter { query.string($0) != nil }
        guard views.count == 1 else {
            throw .badRequest("camera, seat, position: expected exactly one of camera=NAME, seat=x,y,z or position=x,y,z&lookAt=x,y,z")
        }
        switch views[0] {
        case "camera":
            let camera = try RenderTarget.rigCamera(try query.requiredString("camera"), size: size, service: service)
            return camera.resized(to: ImageSize(width: max(2, camera.size.width & ~1), height: max(2, camera.size.height & ~1)))
        case "seat":
            return try RenderTarget.seat(try query.vector("seat"), service: service, size: size ?? defaultSize)
        default:
            let pose = RenderBody.Pose(position: try query.vector("position"), lookAt: try query.vector("lookAt"), up: nil,
                                       horizontalFieldOfViewDegrees: try query.double("fov") ?? RenderTarget.seatFieldOfViewDegrees)
            return try RenderTarget.pose(pose, size: size ?? defaultSize)
        }
    }
}

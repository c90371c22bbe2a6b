import Hummingbird
import VantageGeometry

/// `GET /api/rig`: the rig's name, world frame, bounds and cameras.
struct RigBody: ResponseEncodable {
    struct World: Codable {
        var units: String
        var up: String?
        var note: String?
    }

    struct Bounds: Codable {
        var near: Double?
        var far: Double?
        var min: [Double]?
        var max: [Double]?
    }

    struct CameraBody: Codable {
        struct Size: Codable {
            var width: Int
            var height: Int
        }

        struct IntrinsicsBody: Codable {
            var fx: Double
            var fy: Double
            var cx: Double
            var cy: Double
        }

        var name: String
        var size: Size
        var intrinsics: IntrinsicsBody
        /// Camera centre in world metres.
        var position: [Double]
        /// Unit optical axis in world coordinates.
        var forward: [Double]
        var horizontalFieldOfViewDegrees: Double
        var hasFrames: Bool
    }

    var name: String
    var world: World
    var bounds: Bounds?
    var cameras: [CameraBody]

    init(service: RenderService) {
        let rig = service.rig
        name = rig.name
        world = World(units: rig.world.units.rawValue, up: rig.world.up, note: rig.world.note)
        switch rig.bounds {
        case nil: bounds = nil
        case let .depthRange(near, far)?: bounds = Bounds(near: near, far: far)
        case let .box(low, high)?: bounds = Bounds(min: [low.x, low.y, low.z], max: [high.x, high.y, high.z])
        }
        cameras = service.cameras.map { camera in
            let k = camera.intrinsics, centre = camera.centerInWorld, forward = camera.forwardInWorld
            return CameraBody(name: camera.name, size: .init(width: camera.size.width, height: camera.size.height),
                              intrinsics: .init(fx: k.fx, fy: k.fy, cx: k.cx, cy: k.cy),
                              position: [centre.x, centre.y, centre.z], forward: [forward.x, forward.y, forward.z],
                              horizontalFieldOfViewDegrees: k.horizontalFieldOfView(width: camera.size.width) * 180 / .pi,
                              hasFrames: service.sourceNames.contains(camera.name))
        }
    }
}

extension Router<VantageRequestContext> {
    func addRigRoute(service: RenderService) {
        get("/api/rig") { _, _ in RigBody(service: service) }
    }
}

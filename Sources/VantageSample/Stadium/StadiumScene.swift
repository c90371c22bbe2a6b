import VantageGeometry

/// A football stadium with two teams running, a ball being passed, procedural materials and
/// camera rigs: the demo scene and exact ground truth for view synthesis. Everything follows from
/// `seed`; the static geometry is built once.
public struct StadiumScene: SceneContent {
    public let seed: UInt64
    public let cameras: StadiumCameras
    let players: [Player]
    let ball: BallMotion
    private let staticMesh: Mesh
    private let shader: StadiumShader

    public init(seed: UInt64) {
        self.seed = seed
        players = PlayerRoster.players(seed: seed)
        ball = BallMotion(players: players, seed: seed)
        staticMesh = StadiumGeometry.mesh()
        shader = StadiumShader(seed: seed)
        cameras = StadiumCameras(playCentre: Self.playCentre(of: players), seed: seed)
    }

    public func mesh(atSeconds seconds: Double) -> Mesh {
        let t = Float(seconds)
        var mesh = staticMesh
        for player in players { mesh.append(PlayerBody.mesh(of: player, atSeconds: t)) }
        mesh.addSphere(ball.frame(atSeconds: t), radius: BallMotion.radius, segments: 10, rings: 6) { _ in
            StadiumMaterial.ball
        }
        return mesh
    }

    public func shade(_ fragment: Fragment) -> Float3 { shader.shade(fragment) }

    public func background(viewDirection: Float3) -> Float3 { StadiumLighting.sky(viewDirection) }

    /// Mean position of the outfield players over the first four seconds, on the ground.
    private static func playCentre(of players: [Player]) -> Vector3 {
        var sum = Float2.zero, count = 0
        for player in players where !player.isGoalkeeper {
            for step in 0...8 {
                sum += player.motion.position(atSeconds: Float(step) * 0.5)
                count += 1
            }
        }
        let mean = sum / Float(max(count, 1))
        return Vector3(Double(mean.x), Double(mean.y), 0)
    }
}

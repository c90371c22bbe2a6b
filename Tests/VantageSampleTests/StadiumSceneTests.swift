import Testing
@testable import VantageSample

struct StadiumSceneTests {
    let scene = StadiumScene(seed: 7)

    @Test func sameSeedGivesTheSameMeshAndColours() {
        let twin = StadiumScene(seed: 7)
        let mesh = scene.mesh(atSeconds: 1.3), twinMesh = twin.mesh(atSeconds: 1.3)
        #expect(mesh.positions == twinMesh.positions)
        #expect(mesh.uvs == twinMesh.uvs)
        #expect(mesh.triangles == twinMesh.triangles)
        #expect(mesh.materials == twinMesh.materials)
        for fragment in sampleFragments() {
            #expect(scene.shade(fragment) == twin.shade(fragment))
        }
    }

    @Test func anotherSeedMovesThePlayers() {
        let other = StadiumScene(seed: 8)
        let moved = zip(scene.players, other.players).filter {
            let offset = $0.motion.position(atSeconds: 1.3) - $1.motion.position(atSeconds: 1.3)
            return (offset * offset).sum() > 1
        }
        #expect(moved.count >= scene.players.count / 2)
    }

    @Test func playersMoveSmoothlyAtRunningSpeed() {
        for player in scene.players {
            for step in 0..<100 {
                let t = Float(step) * 0.04
                let offset = player.motion.position(atSeconds: t + 1.0 / 25) - player.motion.position(atSeconds: t)
                let distance = (offset * offset).sum().squareRoot()
                #expect(distance < 0.5 && distance > 0.02, "player \(player.number) at \(t) s moved \(distance) m")
            }
        }
    }

    @Test func limbsSwingRelativeToTheTorso() {
        let player = scene.players[0]
        let strideSeconds = PlayerBody.strideLengthPerHeight * player.height / player.motion.pace.speed(atSeconds: 1)
        func lastVertexInBodyFrame(_ t: Float) -> Float3 {
            let mesh = PlayerBody.mesh(of: player, atSeconds: t)
            let body = LocalFrame.upright(at: mesh.positions[0], heading: player.motion.heading(atSeconds: t))
            let offset = mesh.positions[mesh.positions.count - 1] - body.origin
            return Float3(dot(offset, body.xAxis), dot(offset, body.yAxis), offset.z)
        }
        let start = lastVertexInBodyFrame(1), halfStride = lastVertexInBodyFrame(1 + strideSeconds / 2)
        let change = ((start - halfStride) * (start - halfStride)).sum().squareRoot()
        #expect(change > 0.1, "a hand moved \(change) m relative to the hips over half a stride")
    }

    @Test func somePlayersCrossPathsEarly() {
        var closest = Float.infinity
        for step in 0...100 {
            let t = Float(step) * 0.04
            for (first, second) in PlayerRoster.crossingPairs {
                let offset = scene.players[first].motion.position(atSeconds: t) - scene.players[second].motion.position(atSeconds: t)
                closest = min(closest, (offset * offset).sum().squareRoot())
            }
        }
        #expect(closest < 1.5)
    }

    @Test func meshIsFiniteAndUsesOnlyKnownMaterials() {
        let known = Set(StadiumMaterial.all)
        for seconds in [0, 2.5, 9] {
            let mesh = scene.mesh(atSeconds: seconds)
            #expect(mesh.positions.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite })
            #expect(mesh.materials.allSatisfy { known.contains($0) })
            #expect(mesh.triangles.allSatisfy { Int($0.max()) < mesh.positions.count })
        }
    }

    @Test func theBallStaysNearThePlayOnOrAboveTheGround() {
        for step in 0...200 {
            let centre = scene.ball.frame(atSeconds: Float(step) * 0.1).origin
            #expect(centre.z >= BallMotion.radius - 1e-4 && centre.z < 6)
            #expect(abs(centre.x) < StadiumLayout.runOffHalfLength && abs(centre.y) < StadiumLayout.runOffHalfWidth)
        }
    }
}

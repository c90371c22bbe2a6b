import Foundation

/// An articulated low-poly footballer whose limbs follow a run cycle. Proportions scale with
/// height; the body frame has x forward, y to the player's left and z up, origin on the ground.
enum PlayerBody {
    /// Metres of running per full stride (two steps), per metre of height.
    static let strideLengthPerHeight: Float = 1.25

    static func mesh(of player: Player, atSeconds t: Float) -> Mesh {
        let motion = player.motion, h = player.height
        let position = motion.position(atSeconds: t)
        let speed = max(motion.pace.speed(atSeconds: t), 0)
        let phase = 2 * Float.pi * motion.distance(atSeconds: t) / (strideLengthPerHeight * h)
        let effort = min(speed / 7, 1)  // 0 standing … 1 sprinting
        let bounce = 0.03 * effort * abs(sin(phase))
        let body = LocalFrame.upright(at: Float3(position.x, position.y, bounce), heading: motion.heading(atSeconds: t))

        var mesh = Mesh()
        let shirt = StadiumMaterial.shirt(kit: player.kit, number: 0)
        let hips = body.moved(to: Float3(0, 0, 0.53 * h))
        mesh.addTaperedBox(hips, zRange: (-0.06 * h)...(0.03 * h), bottomHalfSize: Float2(0.1, 0.16),
                           topHalfSize: Float2(0.1, 0.16), material: StadiumMaterial.shorts(kit: player.kit))
        let torso = hips.swungForward(by: -0.15 * effort)  // leaning into the run
        mesh.addTaperedBox(torso, zRange: (0.02 * h)...(0.29 * h), bottomHalfSize: Float2(0.1, 0.15),
                           topHalfSize: Float2(0.12, 0.22), material: shirt,
                           frontBackMaterial: StadiumMaterial.shirt(kit: player.kit, number: player.number))
        mesh.addTaperedBox(torso, zRange: (0.29 * h)...(0.34 * h), bottomHalfSize: Float2(0.05, 0.05),
                           topHalfSize: Float2(0.045, 0.045), material: StadiumMaterial.skin)
        mesh.addSphere(torso.moved(to: Float3(0.01 * h, 0, 0.4 * h)), radius: 0.065 * h, segments: 8, rings: 6) {
            $0 > 0.2 ? StadiumMaterial.hair : StadiumMaterial.skin
        }
        for side: Float in [-1, 1] {
            // Legs swing in opposition; each arm swings against its own side's leg.
            let legPhase = phase + (side > 0 ? 0 : Float.pi)
            addLeg(to: &mesh, hip: hips.moved(to: Float3(0, side * 0.09, 0)), phase: legPhase,
                   effort: effort, height: h, kit: player.kit)
            addArm(to: &mesh, shoulder: torso.moved(to: Float3(0, side * 0.245, 0.27 * h)),
                   swing: -sin(legPhase), effort: effort, height: h, shirt: shirt)
        }
        return mesh
    }

    private static func addLeg(to mesh: inout Mesh, hip: LocalFrame, phase: Float, effort: Float,
                               height h: Float, kit: Int) {
        let thighLength = 0.245 * h, shinLength = 0.245 * h
        let thigh = hip.swungForward(by: (0.15 + 0.75 * effort) * sin(phase))
        mesh.addTaperedBox(thigh, zRange: (-0.11 * h)...0, bottomHalfSize: Float2(0.075, 0.075),
                           topHalfSize: Float2(0.085, 0.085), material: StadiumMaterial.shorts(kit: kit))
        mesh.addTaperedBox(thigh, zRange: -thighLength...(-0.11 * h), bottomHalfSize: Float2(0.055, 0.055),
                           topHalfSize: Float2(0.07, 0.07), material: StadiumMaterial.skin)
        // The knee folds most while the thigh swings forward (the recovery half of the stride).
        let swingingForward = max(cos(phase), 0)
        let shin = thigh.moved(to: Float3(0, 0, -thighLength))
            .swungForward(by: -(0.15 + 1.2 * effort * swingingForward))
        mesh.addTaperedBox(shin, zRange: -shinLength...0, bottomHalfSize: Float2(0.04, 0.04),
                           topHalfSize: Float2(0.055, 0.055), material: StadiumMaterial.socks(kit: kit))
        mesh.addTaperedBox(shin.moved(to: Float3(0.05, 0, -shinLength)), zRange: (-0.04 * h)...0,
                           bottomHalfSize: Float2(0.13, 0.05), topHalfSize: Float2(0.1, 0.045),
                           material: StadiumMaterial.boots)
    }

    private static func addArm(to mesh: inout Mesh, shoulder: LocalFrame, swing: Float, effort: Float,
                               height h: Float, shirt: UInt16) {
        let upperLength = 0.17 * h, forearmLength = 0.18 * h
        let upperArm = shoulder.swungForward(by: (0.1 + 0.7 * effort) * swing)
        mesh.addTaperedBox(upperArm, zRange: (-0.08 * h)...0, bottomHalfSize: Float2(0.05, 0.05),
                           topHalfSize: Float2(0.06, 0.06), material: shirt)
        mesh.addTaperedBox(upperArm, zRange: -upperLength...(-0.08 * h), bottomHalfSize: Float2(0.04, 0.04),
                           topHalfSize: Float2(0.045, 0.045), material: StadiumMaterial.skin)
        let forearm = upperArm.moved(to: Float3(0, 0, -upperLength)).swungForward(by: 0.4 + 0.9 * effort)
        mesh.addTaperedBox(forearm, zRange: -forearmLength...0, bottomHalfSize: Float2(0.035, 0.035),
                           topHalfSize: Float2(0.04, 0.04), material: StadiumMaterial.skin)
    }
}

import Foundation

/// The match ball: dribbled at a player's feet, then passed (alternately lofted and along the
/// ground) to a team-mate or opponent, who dribbles it on; rolling spin follows the travel.
struct BallMotion: Sendable {
    static let radius = BallShader.radius
    /// How far in front of the carrier's body the dribbled ball runs.
    static let leadDistance: Float = 0.45

    enum Kind: Sendable {
        case carried(by: Int)
        /// A pass between players' feet, peaking `apex` metres above the ground (0: rolled).
        case passed(from: Int, to: Int, apex: Float)
    }

    struct Leg: Sendable {
        var kind: Kind
        var start: Float
        var end: Float
        /// The ball's orientation when the leg starts (origin unused).
        var startOrientation: LocalFrame
    }

    let legs: [Leg]
    private let players: [Player]

    init(players: [Player], seed: UInt64) {
        var random = SplitMix64(seed: seed).fork(2)
        let outfield = players.indices.filter { !players[$0].isGoalkeeper }
        var legs: [Leg] = [], time: Float = 0, carrier = outfield[2 % outfield.count]
        var orientation = LocalFrame.world
        while time < PlayerRoster.coveredSeconds {
            let carryEnd = time + random.uniform(1...2)
            let lofted = legs.count % 4 == 0
            let receiver = outfield.filter { $0 != carrier }[Int(random.next() % UInt64(outfield.count - 1))]
            let passEnd = carryEnd + (lofted ? random.uniform(1.2...1.6) : random.uniform(0.7...1))
            let carry = Leg(kind: .carried(by: carrier), start: time, end: carryEnd, startOrientation: orientation)
            orientation = Self.orientation(in: carry, atSeconds: carryEnd, players: players)
            let pass = Leg(kind: .passed(from: carrier, to: receiver, apex: lofted ? random.uniform(2...4) : 0),
                           start: carryEnd, end: passEnd, startOrientation: orientation)
            orientation = Self.orientation(in: pass, atSeconds: passEnd, players: players)
            legs += [carry, pass]
            time = passEnd
            carrier = receiver
        }
        self.legs = legs
        self.players = players
    }

    /// The ball at `t` (clamped to the scheduled play): origin at its centre, axes its spin.
    func frame(atSeconds t: Float) -> LocalFrame {
        let leg = legs.last { $0.start <= t } ?? legs[0]
        let clamped = min(max(t, leg.start), leg.end)
        var frame = Self.orientation(in: leg, atSeconds: clamped, players: players)
        frame.origin = Self.centre(in: leg, atSeconds: clamped, players: players)
        return frame
    }

    private static func footPoint(_ player: Player, atSeconds t: Float) -> Float3 {
        let position = player.motion.position(atSeconds: t), heading = player.motion.heading(atSeconds: t)
        return Float3(position.x, position.y, radius) + leadDistance * Float3(cos(heading), sin(heading), 0)
    }

    private static func centre(in leg: Leg, atSeconds t: Float, players: [Player]) -> Float3 {
        switch leg.kind {
        case .carried(let carrier): return footPoint(players[carrier], atSeconds: t)
        case .passed(let from, let to, let apex):
            let a = footPoint(players[from], atSeconds: leg.start), b = footPoint(players[to], atSeconds: leg.end)
            let f = (t - leg.start) / (leg.end - leg.start)
            return a + (b - a) * f + Float3(0, 0, 4 * apex * f * (1 - f))
        }
    }

    /// Rolling without slipping along the leg's overall direction.
    private static func orientation(in leg: Leg, atSeconds t: Float, players: [Player]) -> LocalFrame {
        let travel = centre(in: leg, atSeconds: leg.end, players: players) - centre(in: leg, atSeconds: leg.start, players: players)
        let horizontal = Float3(travel.x, travel.y, 0)
        let horizontalLength = dot(horizontal, horizontal).squareRoot()
        guard horizontalLength > 1e-4 else { return leg.startOrientation }
        let fraction = (t - leg.start) / (leg.end - leg.start)
        let rolled: Float
        switch leg.kind {
        case .carried(let carrier):
            let motion = players[carrier].motion
            rolled = motion.distance(atSeconds: t) - motion.distance(atSeconds: leg.start)
        case .passed: rolled = fraction * horizontalLength
        }
        return leg.startOrientation.rotated(about: cross(Float3(0, 0, 1), horizontal / horizontalLength),
                                            by: rolled / radius)
    }
}

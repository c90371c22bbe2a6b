import Foundation

/// Running speed over time: `meanSpeed + variation·sin(angularFrequency·t + phase)` m/s.
struct Pace: Sendable {
    var meanSpeed: Float
    var variation: Float
    var angularFrequency: Float
    var phase: Float

    func speed(atSeconds t: Float) -> Float { meanSpeed + variation * sin(angularFrequency * t + phase) }

    /// Metres run from time 0 to `t` (the integral of `speed`).
    func distance(atSeconds t: Float) -> Float {
        meanSpeed * t - variation / angularFrequency * (cos(angularFrequency * t + phase) - cos(phase))
    }
}

/// Where a player is along a path at any time: at `anchorDistance` along `path` at `anchorTime`,
/// moving with `pace` before and after.
struct PlayerMotion: Sendable {
    var path: RunPath
    var pace: Pace
    var anchorDistance: Float
    var anchorTime: Float

    func distance(atSeconds t: Float) -> Float {
        anchorDistance + pace.distance(atSeconds: t) - pace.distance(atSeconds: anchorTime)
    }

    func position(atSeconds t: Float) -> Float2 { path.point(atDistance: distance(atSeconds: t)) }

    /// Heading (radians from +x) of the direction of travel.
    func heading(atSeconds t: Float) -> Float {
        let direction = path.direction(atDistance: distance(atSeconds: t))
        return atan2(direction.y, direction.x)
    }
}

/// One footballer: kit (see `StadiumMaterial`), shirt number, height in metres and motion.
struct Player: Sendable {
    var kit: Int
    var number: Int
    var height: Float
    var motion: PlayerMotion

    var isGoalkeeper: Bool { kit >= 2 }
}

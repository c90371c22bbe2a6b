import Foundation

/// Builds the two teams from a seed: outfield players running seeded random routes around the
/// play, two pairs of them crossing each other's path, and a goalkeeper patrolling each goal.
enum PlayerRoster {
    static let outfieldPerTeam = 5
    /// Paths are long enough for this many seconds of play.
    static let coveredSeconds: Float = 30
    /// Outfield players start their routes inside this box around the play.
    static let playArea = (min: Float2(-22, -15), max: Float2(22, 15))
    static let outfieldArea = (min: Float2(-48, -30), max: Float2(48, 30))
    /// Pairs (by index into the outfield players) that pass close to each other.
    static let crossingPairs = [(0, outfieldPerTeam), (1, outfieldPerTeam + 1)]

    static func players(seed: UInt64) -> [Player] {
        var random = SplitMix64(seed: seed).fork(1)
        var numbers = Array(2...99).shuffled(using: &random)
        var players: [Player] = []
        for team in 0..<2 {
            for _ in 0..<outfieldPerTeam {
                let anchor = Float2(random.uniform(playArea.min.x...playArea.max.x), random.uniform(playArea.min.y...playArea.max.y))
                players.append(outfielder(kit: team, number: numbers.removeLast(), anchor: anchor, anchorTime: 0,
                                          heading: random.uniform(-Float.pi...Float.pi), random: &random))
            }
        }
        for (first, second) in crossingPairs {
            let meeting = Float2(random.uniform(-12...12), random.uniform(-8...8))
            let time = random.uniform(1...3), heading = random.uniform(-Float.pi...Float.pi)
            let crossingHeading = heading + Float.pi / 2 + random.uniform(-0.5...0.5)
            // The second runner passes 1 m to the side of the meeting point, 0.15 s later.
            let sideways = Float2(-sin(crossingHeading), cos(crossingHeading))
            players[first] = outfielder(kit: players[first].kit, number: players[first].number, anchor: meeting,
                                        anchorTime: time, heading: heading, random: &random)
            players[second] = outfielder(kit: players[second].kit, number: players[second].number,
                                         anchor: meeting + sideways, anchorTime: time + 0.15,
                                         heading: crossingHeading, random: &random)
        }
        for (team, end) in [(0, Float(-1)), (1, Float(1))] {
            players.append(goalkeeper(kit: team + 2, end: end, random: &random))
        }
        return players
    }

    private static func outfielder(kit: Int, number: Int, anchor: Float2, anchorTime: Float, heading: Float,
                                   random: inout SplitMix64) -> Player {
        let pace = Pace(meanSpeed: random.uniform(3.5...5.2), variation: random.uniform(0.5...1.5),
                        angularFrequency: random.uniform(0.5...1.2), phase: random.uniform(0...(2 * Float.pi)))
        let motion = motion(anchor: anchor, anchorTime: anchorTime, heading: heading, pace: pace,
                            area: outfieldArea, steps: 8...14, random: &random)
        return Player(kit: kit, number: number, height: random.uniform(1.75...1.9), motion: motion)
    }

    private static func goalkeeper(kit: Int, end: Float, random: inout SplitMix64) -> Player {
        let x = end * (StadiumLayout.halfLength - 4)
        let area = (min: Float2(x - 3, -8), max: Float2(x + 3, 8))
        let pace = Pace(meanSpeed: 2.5, variation: 0.4, angularFrequency: random.uniform(0.8...1.5),
                        phase: random.uniform(0...(2 * Float.pi)))
        let motion = motion(anchor: Float2(x, random.uniform(-3...3)), anchorTime: 0,
                            heading: random.uniform(-Float.pi...Float.pi), pace: pace, area: area, steps: 2.5...4,
                            random: &random)
        return Player(kit: kit, number: 1, height: random.uniform(1.82...1.9), motion: motion)
    }

    /// A route through `anchor` (reached at `anchorTime`, running along `heading`), made of random
    /// walks forwards and backwards from it that stay inside `area`, long enough for
    /// `coveredSeconds` either way at the pace's top speed.
    private static func motion(anchor: Float2, anchorTime: Float, heading: Float, pace: Pace,
                               area: (min: Float2, max: Float2), steps: ClosedRange<Float>,
                               random: inout SplitMix64) -> PlayerMotion {
        let count = Int((coveredSeconds * (pace.meanSpeed + pace.variation) / steps.lowerBound).rounded(.up)) + 2
        let ahead = walk(from: anchor, heading: heading, count: count, area: area, steps: steps, random: &random)
        let behind = walk(from: anchor, heading: heading + Float.pi, count: count, area: area, steps: steps, random: &random)
        let path = RunPath(waypoints: behind.reversed() + [anchor] + ahead)
        return PlayerMotion(path: path, pace: pace, anchorDistance: path.waypointDistances[count], anchorTime: anchorTime)
    }

    private static func walk(from start: Float2, heading: Float, count: Int, area: (min: Float2, max: Float2),
                             steps: ClosedRange<Float>, random: inout SplitMix64) -> [Float2] {
        var waypoints: [Float2] = [], current = start, heading = heading
        for _ in 0..<count {
            heading += random.uniform(-0.8...0.8)
            let step = random.uniform(steps)
            var next = current + step * Float2(cos(heading), sin(heading))
            if !(area.min.x...area.max.x).contains(next.x) || !(area.min.y...area.max.y).contains(next.y) {
                // Turn towards a random point inside the area, going no further than that point.
                let target = Float2(random.uniform(area.min.x...area.max.x), random.uniform(area.min.y...area.max.y))
                let offset = target - current, distance = (offset.x * offset.x + offset.y * offset.y).squareRoot()
                heading = atan2(offset.y, offset.x)
                next = current + offset * (min(step, distance) / max(distance, 1e-3))
            }
            waypoints.append(next)
            current = next
        }
        return waypoints
    }
}

import Foundation
import VantageGeometry

/// Camera rigs around the stadium, aimed at the play: broadcast-like source cameras on a ring in
/// the stands, and ground-truth viewpoints between and beyond them. Pinhole, fx = fy, principal
/// point at the image centre, no distortion.
public struct StadiumCameras: Sendable {
    /// Where the play is (world metres, on the pitch); cameras aim near it.
    public let playCentre: Vector3
    public let seed: UInt64
    /// Lowest and highest source camera.
    public static let heights: ClosedRange<Double> = 8...25
    /// Clearance between a ring camera and the stand surface below it.
    public static let clearanceAboveStand: Double = 2

    public init(playCentre: Vector3, seed: UInt64) {
        self.playCentre = playCentre
        self.seed = seed
    }

    /// `count` cameras "cam01"… evenly spaced around the ring, heights spread over `heights`.
    public func sourceCameras(count: Int, size: ImageSize) -> [Camera] {
        (0..<count).map { index in
            camera(name: String(format: "cam%02d", index + 1), at: ringPoint(angle: ringAngle(Double(index), of: count),
                                                                             height: sourceHeight(index)),
                   aimOffsetIndex: index, size: size)
        }
    }

    /// `count` cameras "truth01"…, cycling through four kinds: at pitch level on the touchline
    /// looking across the play; a spider-cam 30 m up looking down at about 56°; and two on the
    /// ring, each halfway (in angle and height) between neighbouring cameras of a rig of
    /// `sourceCount` source cameras.
    public func truthCameras(count: Int, size: ImageSize, sourceCount: Int = 8) -> [Camera] {
        precondition(sourceCount > 0, "sourceCount \(sourceCount)")
        return (0..<count).map { index in
            let name = String(format: "truth%02d", index + 1), cycle = Double(index / 4)
            let target = playCentre + Vector3(0, 0, 1)
            switch index % 4 {
            case 0:
                let centre = Vector3(playCentre.x + 12 * cycle, -Double(StadiumLayout.halfWidth) - 0.5, 1.7)
                return Camera.lookingAt(target, from: centre, name: name, size: size,
                                        intrinsics: Intrinsics(horizontalFieldOfView: 55 * .pi / 180, size: size))
            case 1:
                let approach = -Double.pi / 2 + cycle * .pi / 3
                let centre = playCentre + Vector3(20 * cos(approach), 20 * sin(approach), 30)
                return Camera.lookingAt(playCentre, from: centre, name: name, size: size,
                                        intrinsics: Intrinsics(horizontalFieldOfView: 60 * .pi / 180, size: size))
            default:
                let ringIndex = 2 * (index / 4) + index % 4 - 2
                let fraction = (Double(ringIndex) * 0.618_034 + 0.3).truncatingRemainder(dividingBy: 1)
                let before = Int(fraction * Double(sourceCount)), after = (before + 1) % sourceCount
                let height = (sourceHeight(before) + sourceHeight(after)) / 2
                return camera(name: name, at: ringPoint(angle: ringAngle(Double(before) + 0.5, of: sourceCount),
                                                        height: height),
                              aimOffsetIndex: count + index, size: size)
            }
        }
    }

    /// Per-camera exposure × white balance: each channel's gain within 0.9–1.1.
    public static func exposureGains(count: Int, seed: UInt64) -> [Float3] {
        var random = SplitMix64(seed: seed).fork(3)
        return (0..<count).map { _ in
            let exposure = random.uniform(0.94...1.06)
            return exposure * Float3(random.uniform(0.97...1.03), random.uniform(0.97...1.03), random.uniform(0.97...1.03))
        }
    }

    /// Angle of ring position `index` (fractional between cameras) of a `count`-camera rig; the
    /// first camera is on the main (−y) side.
    private func ringAngle(_ index: Double, of count: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * index / Double(count)
    }

    /// Heights spread over `heights` by the golden ratio, starting at a seeded offset.
    private func sourceHeight(_ index: Int) -> Double {
        var random = SplitMix64(seed: seed).fork(4)
        let start = Double(random.uniform(0...1))
        let fraction = (start + Double(index) * 0.618_034).truncatingRemainder(dividingBy: 1)
        return Self.heights.lowerBound + (Self.heights.upperBound - Self.heights.lowerBound) * fraction
    }

    /// A point on the ring at `height`, set back into the stands only as far as keeps it
    /// `clearanceAboveStand` above their surface.
    private func ringPoint(angle: Double, height: Double) -> Vector3 {
        let setBack = (height - Self.clearanceAboveStand) * Double(StadiumLayout.standDepth / StadiumLayout.standHeight)
        return Vector3((Double(StadiumLayout.runOffHalfLength) + setBack) * cos(angle),
                       (Double(StadiumLayout.runOffHalfWidth) + setBack) * sin(angle), height)
    }

    /// A camera aimed within a few metres of the play, zoomed so that about 60 m of it fill the
    /// width (field of view kept within 35–60°).
    private func camera(name: String, at centre: Vector3, aimOffsetIndex: Int, size: ImageSize) -> Camera {
        var random = SplitMix64(seed: seed).fork(100 + UInt64(aimOffsetIndex))
        let target = playCentre + Vector3(Double(random.uniform(-3...3)), Double(random.uniform(-3...3)), 1)
        let distance = (target - centre).length
        let fieldOfView = min(max(2 * atan(30 / distance), 35 * .pi / 180), 60 * .pi / 180)
        return Camera.lookingAt(target, from: centre, name: name, size: size,
                                intrinsics: Intrinsics(horizontalFieldOfView: fieldOfView, size: size))
    }
}

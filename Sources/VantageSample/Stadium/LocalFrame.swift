import Foundation

/// An orthonormal frame placed in the world: where a body part's local coordinates go.
struct LocalFrame: Sendable, Equatable {
    var origin: Float3
    var xAxis: Float3
    var yAxis: Float3
    var zAxis: Float3

    static let world = LocalFrame(origin: .zero, xAxis: Float3(1, 0, 0), yAxis: Float3(0, 1, 0), zAxis: Float3(0, 0, 1))

    /// A Z-up frame at `origin` whose x axis points along `heading` (radians from world +x).
    static func upright(at origin: Float3, heading: Float) -> LocalFrame {
        let forward = Float3(cos(heading), sin(heading), 0)
        return LocalFrame(origin: origin, xAxis: forward, yAxis: Float3(-forward.y, forward.x, 0), zAxis: Float3(0, 0, 1))
    }

    @inline(__always)
    func point(_ local: Float3) -> Float3 { origin + xAxis * local.x + yAxis * local.y + zAxis * local.z }

    @inline(__always)
    func direction(_ local: Float3) -> Float3 { xAxis * local.x + yAxis * local.y + zAxis * local.z }

    /// The same orientation with its origin moved to local point `local`.
    func moved(to local: Float3) -> LocalFrame {
        LocalFrame(origin: point(local), xAxis: xAxis, yAxis: yAxis, zAxis: zAxis)
    }

    /// Rotated about its own y axis so that a limb hanging along −z swings forward (towards +x)
    /// by `angle` radians.
    func swungForward(by angle: Float) -> LocalFrame {
        let c = cos(angle), s = sin(angle)
        return LocalFrame(origin: origin, xAxis: xAxis * c + zAxis * s, yAxis: yAxis, zAxis: zAxis * c - xAxis * s)
    }

    /// Rotated by `angle` radians about the world-space unit `axis` through its origin (Rodrigues).
    func rotated(about axis: Float3, by angle: Float) -> LocalFrame {
        let c = cos(angle), s = sin(angle)
        func rotate(_ v: Float3) -> Float3 { v * c + cross(axis, v) * s + axis * (dot(axis, v) * (1 - c)) }
        return LocalFrame(origin: origin, xAxis: rotate(xAxis), yAxis: rotate(yAxis), zAxis: rotate(zAxis))
    }
}

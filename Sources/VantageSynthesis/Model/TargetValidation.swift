import Foundation
import VantageGeometry

/// Checks on a requested camera, made before any work: every field finite, a proper rotation, a
/// field of view a lens could have, and a size a frame buffer can hold.
public enum TargetValidation {
    /// Largest accepted width or height, in pixels.
    public static let maximumSide = 8192
    /// Accepted horizontal and vertical field of view, in degrees.
    public static let fieldOfViewDegrees: ClosedRange<Double> = 1...170

    public static func validate(_ camera: Camera) throws(SynthesisError) {
        let name = camera.name.isEmpty ? "target" : "target '\(camera.name)'"
        let size = camera.size
        guard (1...maximumSide).contains(size.width), (1...maximumSide).contains(size.height) else {
            throw SynthesisError(.invalidTarget, "\(name): size \(size.width)x\(size.height) must be 1...\(maximumSide) on each side")
        }
        let rotation = camera.camFromWorld.rotation
        guard rotation.isFinite, camera.camFromWorld.translation.isFinite else {
            throw SynthesisError(.invalidTarget, "\(name): camFromWorld has a non-finite value")
        }
        guard rotation.orthonormalityError < 1e-6, rotation.determinant > 0 else {
            throw SynthesisError(.invalidTarget, "\(name): camFromWorld rotation is not a rotation (orthonormality error \(rotation.orthonormalityError), determinant \(rotation.determinant))")
        }
        let k = camera.intrinsics
        guard [k.fx, k.fy, k.cx, k.cy, k.skew].allSatisfy(\.isFinite), k.fx > 0, k.fy > 0 else {
            throw SynthesisError(.invalidTarget, "\(name): intrinsics must be finite with positive focal lengths (fx \(k.fx), fy \(k.fy))")
        }
        guard camera.distortion.coefficients.allSatisfy(\.isFinite) else {
            throw SynthesisError(.invalidTarget, "\(name): distortion has a non-finite coefficient")
        }
        let horizontal = 2 * atan(Double(size.width) / 2 / k.fx) * 180 / .pi
        let vertical = 2 * atan(Double(size.height) / 2 / k.fy) * 180 / .pi
        for (axis, degrees) in [("horizontal", horizontal), ("vertical", vertical)] where !fieldOfViewDegrees.contains(degrees) {
            let shown = (degrees * 100).rounded() / 100
            throw SynthesisError(.invalidTarget, "\(name): \(axis) field of view \(shown)° is outside \(Int(fieldOfViewDegrees.lowerBound))...\(Int(fieldOfViewDegrees.upperBound))°")
        }
    }
}

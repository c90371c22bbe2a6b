import Foundation

extension CameraPath {
    /// Largest angle between two keyframes of an orbit; the Catmull–Rom curve through keyframes
    /// 15° apart stays within 0.02 % of the radius of the circle.
    public static let orbitDegreesPerKeyframe = 15.0

    /// A camera circling `center` at `radius` metres (horizontally) and `height` metres above it,
    /// always looking at `center`, sweeping `degrees` (positive: counter-clockwise seen from
    /// above) from `startDegrees` (0: on the +x side of the centre) in `seconds`, at constant speed.
    public static func orbit(center: Vector3, radius: Double, height: Double, degrees: Double, seconds: Double,
                             startDegrees: Double = 0, fieldOfViewDegrees: Double = 50, timing: ReplayTiming = ReplayTiming(),
                             size: ImageSize? = nil) throws -> CameraPath {
        let check = PresetArguments(preset: "orbit")
        try check.finite(center, "center")
        try check.positive(radius, "radius", "metres")
        try check.finite(height, "height")
        try check.finite(startDegrees, "startDegrees")
        guard degrees.isFinite, degrees != 0 else { throw InputError("orbit", at: "degrees", "expected a non-zero angle, found \(degrees)") }
        try check.positive(seconds, "seconds", "seconds")
        try check.fieldOfView(fieldOfViewDegrees)
        try check.size(size)
        try timing.validate()
        let steps = max(2, Int((abs(degrees) / orbitDegreesPerKeyframe).rounded(.up)))
        let keyframes = (0...steps).map { step -> PathKeyframe in
            let fraction = Double(step) / Double(steps)
            let angle = (startDegrees + degrees * fraction) * .pi / 180
            return PathKeyframe(time: seconds * fraction, position: center + Vector3(radius * cos(angle), radius * sin(angle), height),
                                lookAt: center, horizontalFieldOfViewDegrees: fieldOfViewDegrees)
        }
        let name = "orbit \(Int(degrees.rounded()))° r \(radius) m"
        return CameraPath(name: name, size: size, interpolation: PathInterpolation(orientation: .squad, constantSpeed: true),
                          timeMap: timing.timeMap(duration: seconds), keyframes: keyframes)
    }
}

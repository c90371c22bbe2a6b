import Foundation

extension CameraPath {
    /// A spectator's view from a seat (see `StandLayout` for the numbering): the camera stays at
    /// the seat's eye looking at `target` (the pitch centre by default) for `seconds`. With
    /// `lookAroundDegrees` it pans left by that angle, then right by it, and back to `target`
    /// (keyframes at 0, ¼, ¾ and the whole of `seconds`).
    public static func seat(stand: StandLayout.Stand, row: Int, seat: Int, layout: StandLayout = .stadiumSample,
                            target: Vector3 = [0, 0, 0], seconds: Double, lookAroundDegrees: Double = 0,
                            fieldOfViewDegrees: Double = 50, timing: ReplayTiming = ReplayTiming(),
                            size: ImageSize? = nil) throws -> CameraPath {
        let check = PresetArguments(preset: "seat")
        try layout.validate()
        guard (1...layout.rows).contains(row) else {
            throw InputError("seat", at: "row", "expected a row from 1 to \(layout.rows) in the \(stand) stand, found \(row)")
        }
        guard (1...layout.seats(in: stand)).contains(seat) else {
            throw InputError("seat", at: "seat", "expected a seat from 1 to \(layout.seats(in: stand)) in a row of the \(stand) stand, found \(seat)")
        }
        try check.finite(target, "target")
        try check.positive(seconds, "seconds", "seconds")
        guard lookAroundDegrees.isFinite, lookAroundDegrees >= 0, lookAroundDegrees < 180 else {
            throw InputError("seat", at: "lookAroundDegrees", "expected degrees from 0 to less than 180, found \(lookAroundDegrees)")
        }
        try check.fieldOfView(fieldOfViewDegrees)
        try check.size(size)
        try timing.validate()
        let eye = layout.eye(stand: stand, row: row, seat: seat)
        /// `target` turned about the vertical through the eye by `degrees` (positive: to the left).
        func panned(_ degrees: Double) -> Vector3 { eye + Rotation.aboutZ(degrees * .pi / 180) * (target - eye) }
        let views: [(fraction: Double, degrees: Double)] = lookAroundDegrees > 0
            ? [(0, 0), (0.25, lookAroundDegrees), (0.75, -lookAroundDegrees), (1, 0)] : [(0, 0), (1, 0)]
        let keyframes = views.map {
            PathKeyframe(time: seconds * $0.fraction, position: eye, lookAt: panned($0.degrees), horizontalFieldOfViewDegrees: fieldOfViewDegrees)
        }
        return CameraPath(name: "seat \(stand) row \(row) seat \(seat)", size: size, timeMap: timing.timeMap(duration: seconds),
                          keyframes: keyframes)
    }
}

extension CameraPath {
    /// A flight through real cameras' poses, in the order given: keyframe k is camera k's centre
    /// and orientation, at a time proportional to the distance flown so far (so the speed is
    /// about even), with each camera's own horizontal field of view unless `fieldOfViewDegrees`
    /// is given. The output size defaults to the first camera's.
    public static func fly(through cameras: [Camera], seconds: Double, fieldOfViewDegrees: Double? = nil,
                           timing: ReplayTiming = ReplayTiming(), size: ImageSize? = nil) throws -> CameraPath {
        let check = PresetArguments(preset: "fly")
        guard cameras.count >= 2 else { throw InputError("fly", at: "through", "expected at least 2 cameras, found \(cameras.count)") }
        try check.positive(seconds, "seconds", "seconds")
        if let fieldOfViewDegrees { try check.fieldOfView(fieldOfViewDegrees) }
        try check.size(size)
        try timing.validate()
        let centers = cameras.map(\.centerInWorld)
        var distances = [0.0]
        for index in cameras.indices.dropFirst() {
            let step = (centers[index] - centers[index - 1]).length
            guard step > 1e-6 else {
                throw InputError("fly", at: "through", "expected \(cameras[index].name) at a different place from \(cameras[index - 1].name)")
            }
            distances.append(distances[index - 1] + step)
        }
        let total = distances[distances.count - 1]
        let keyframes = cameras.indices.map { index in
            let camera = cameras[index]
            let fov = fieldOfViewDegrees ?? camera.intrinsics.horizontalFieldOfView(width: camera.size.width) * 180 / .pi
            return PathKeyframe(time: index == cameras.count - 1 ? seconds : seconds * distances[index] / total, position: centers[index],
                                camFromWorldQuaternion: Quaternion(camera.camFromWorld.rotation), horizontalFieldOfViewDegrees: fov)
        }
        return CameraPath(name: "fly " + cameras.map(\.name).joined(separator: ","), size: size ?? cameras[0].size,
                          timeMap: timing.timeMap(duration: seconds), keyframes: keyframes)
    }
}

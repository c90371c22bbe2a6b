import Foundation

extension CameraPath {
    /// Points sampled per segment when checking that the camera stays inside a bounds box.
    static let boundsCheckSamplesPerSegment = 64

    /// Throws the first problem as an `InputError` naming `source`, the field
    /// (`keyframes[2].horizontalFieldOfViewDegrees`) and what was expected. With a bounds box
    /// every keyframe position, and the interpolated curve between keyframes, must lie inside it
    /// (a depth range bounds nothing in world coordinates and is not checked).
    public func validate(source: String, bounds: SceneBounds? = nil) throws {
        func fail(_ place: String, _ message: String) -> InputError { InputError(source, at: place, message) }
        guard !name.isEmpty else { throw fail("name", "expected a non-empty name") }
        if let size, size.width <= 0 || size.height <= 0 {
            throw fail("size", "expected a positive width and height, found \(size.width)×\(size.height)")
        }
        guard keyframes.count >= 2 else {
            throw fail("keyframes", "expected at least 2 keyframes to move between, found \(keyframes.count)")
        }
        for (index, keyframe) in keyframes.enumerated() {
            try keyframe.validate(index: index, previous: index > 0 ? keyframes[index - 1] : nil, source: source)
        }
        if interpolation.constantSpeed {
            for index in keyframes.indices.dropFirst() where (keyframes[index].position - keyframes[index - 1].position).length < 1e-6 {
                throw fail("keyframes[\(index)].position",
                           "expected a different position from keyframes[\(index - 1)] with interpolation.constantSpeed (a segment without length takes no time)")
            }
        }
        if let timeMap { try validate(timeMap: timeMap, fail: fail) }
        if case let .box(min, max)? = bounds { try check(insideBoxFrom: min, to: max, fail: fail) }
    }

    private func validate(timeMap: [TimeMapPoint], fail: (String, String) -> InputError) throws {
        guard !timeMap.isEmpty else { throw fail("timeMap", "expected at least one point, or no timeMap for real time") }
        for (index, point) in timeMap.enumerated() {
            let place = "timeMap[\(index)]"
            guard point.time.isFinite, point.time >= 0 else { throw fail("\(place).time", "expected a finite time ≥ 0 s, found \(point.time)") }
            guard point.replayTime.isFinite, point.replayTime >= 0 else {
                throw fail("\(place).replayTime", "expected a finite replay time ≥ 0 s, found \(point.replayTime)")
            }
            if index > 0, !(point.time > timeMap[index - 1].time) {
                throw fail("\(place).time", "expected a time after timeMap[\(index - 1)].time (\(timeMap[index - 1].time) s), found \(point.time)")
            }
        }
    }

    private func check(insideBoxFrom min: Vector3, to max: Vector3, fail: (String, String) -> InputError) throws {
        func inside(_ p: Vector3) -> Bool { all(p .>= min .& p .<= max) }
        let box = "the scene bounds (min \(listed(min)), max \(listed(max)))"
        for (index, keyframe) in keyframes.enumerated() where !inside(keyframe.position) {
            throw fail("keyframes[\(index)].position", "expected a position inside \(box), found \(listed(keyframe.position))")
        }
        let sampler = PathSampler(self, size: ImageSize(width: 2, height: 2))
        for segment in 0..<(keyframes.count - 1) {
            for step in 1..<Self.boundsCheckSamplesPerSegment {
                let p = sampler.position(segment: segment, u: Double(step) / Double(Self.boundsCheckSamplesPerSegment))
                guard inside(p) else {
                    throw fail("keyframes[\(segment)]…keyframes[\(segment + 1)]",
                               "the interpolated camera leaves \(box) at \(listed(p)); move these keyframes inwards or add one between them")
                }
            }
        }
    }
}

extension PathKeyframe {
    /// Checks one keyframe; `previous` is the keyframe before it, if any.
    func validate(index: Int, previous: PathKeyframe?, source: String) throws {
        func fail(_ field: String, _ message: String) -> InputError { InputError(source, at: "keyframes[\(index)].\(field)", message) }
        guard time.isFinite else { throw fail("time", "expected a finite number of seconds, found \(time)") }
        if let previous {
            guard time > previous.time else {
                throw fail("time", "expected a time after keyframes[\(index - 1)].time (\(previous.time) s): keyframes must be in time order, found \(time)")
            }
        } else if time != 0 {
            throw fail("time", "expected 0 (a path starts at time 0), found \(time)")
        }
        guard position.isFinite else { throw fail("position", "expected finite numbers, found \(listed(position))") }
        let fov = horizontalFieldOfViewDegrees
        guard fov.isFinite, fov > 0, fov < 180 else {
            throw fail("horizontalFieldOfViewDegrees", "expected degrees strictly between 0 and 180, found \(fov)")
        }
        switch (lookAt, camFromWorldQuaternion) {
        case (nil, nil): throw InputError(source, at: "keyframes[\(index)]", "expected an orientation: lookAt [x, y, z] or camFromWorldQuaternion [w, x, y, z]")
        case (_?, _?): throw InputError(source, at: "keyframes[\(index)]", "expected lookAt or camFromWorldQuaternion, not both")
        case let (target?, nil):
            guard target.isFinite else { throw fail("lookAt", "expected finite numbers, found \(listed(target))") }
            guard (target - position).length > 1e-9 else { throw fail("lookAt", "expected a point other than the position \(listed(position))") }
            let up = self.up ?? [0, 0, 1]
            guard up.isFinite, up.length > 0 else { throw fail("up", "expected a finite, non-zero direction, found \(listed(up))") }
            guard Rotation.angle(between: up, target - position) > 1e-6, Rotation.angle(between: up, position - target) > 1e-6 else {
                throw fail(self.up == nil ? "lookAt" : "up", "expected a view direction that is not parallel to up \(listed(up)) (the image's roll would be undefined)")
            }
        case let (nil, q?):
            guard up == nil else { throw fail("up", "expected no up with camFromWorldQuaternion (up only orients lookAt)") }
            guard q.isFinite, abs(q.norm - 1) <= 1e-3 else {
                throw fail("camFromWorldQuaternion", "expected a unit quaternion [w, x, y, z] (norm within 1e-3 of 1), found [\(q.w), \(q.x), \(q.y), \(q.z)]")
            }
        }
    }
}

/// A vector as `[x, y, z]` for messages.
func listed(_ v: Vector3) -> String { "[\(v.x), \(v.y), \(v.z)]" }

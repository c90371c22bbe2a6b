/// How replay time runs along a preset path: from `start`, at `speed` replay seconds per path
/// second — 1 real time, 0.25 slow motion, 0 frozen (bullet time: the camera moves around one
/// instant).
public struct ReplayTiming: Equatable, Sendable {
    /// Replay time at the start of the path, in seconds from the start of the replay (≥ 0).
    public var start: Double
    /// Replay seconds per path second (≥ 0).
    public var speed: Double

    public init(start: Double = 0, speed: Double = 1) {
        self.start = start
        self.speed = speed
    }

    public func validate() throws {
        guard start.isFinite, start >= 0 else { throw InputError("replay timing", at: "start", "expected seconds ≥ 0, found \(start)") }
        guard speed.isFinite, speed >= 0 else {
            throw InputError("replay timing", at: "speed", "expected a speed ≥ 0 (1 real time, 0 frozen), found \(speed)")
        }
    }

    /// The time map of a path lasting `duration` seconds; `nil` for real time from 0 (the default map).
    func timeMap(duration: Double) -> [TimeMapPoint]? {
        if start == 0 && speed == 1 { return nil }
        if speed == 0 { return [TimeMapPoint(time: 0, replayTime: start)] }
        return [TimeMapPoint(time: 0, replayTime: start), TimeMapPoint(time: duration, replayTime: start + speed * duration)]
    }
}

/// Checks on preset arguments, each a one-line `InputError` naming the preset and the argument.
struct PresetArguments {
    let preset: String

    func positive(_ value: Double, _ name: String, _ unit: String) throws {
        guard value.isFinite, value > 0 else { throw InputError(preset, at: name, "expected a positive number of \(unit), found \(value)") }
    }

    func finite(_ value: Double, _ name: String) throws {
        guard value.isFinite else { throw InputError(preset, at: name, "expected a finite number, found \(value)") }
    }

    func finite(_ value: Vector3, _ name: String) throws {
        guard value.isFinite else { throw InputError(preset, at: name, "expected finite numbers, found \(listed(value))") }
    }

    func fieldOfView(_ degrees: Double, _ name: String = "fieldOfViewDegrees") throws {
        guard degrees.isFinite, degrees > 0, degrees < 180 else {
            throw InputError(preset, at: name, "expected degrees strictly between 0 and 180, found \(degrees)")
        }
    }

    func size(_ size: ImageSize?) throws {
        if let size, size.width <= 0 || size.height <= 0 {
            throw InputError(preset, at: "size", "expected a positive width and height, found \(size)")
        }
    }
}

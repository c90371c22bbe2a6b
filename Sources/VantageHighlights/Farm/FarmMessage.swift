import Foundation
import VantageMedia

/// Farm protocol v1 (docs/render-farm.md): every message is a JSON header (part 1, UTF-8) and,
/// for frames only, the raw rgb24 pixels (part 2).
public enum FarmMessage: Sendable, Equatable {
    /// Coordinator → worker: render `range` of a job.
    case work(FarmWork)
    /// Worker → coordinator: the range is queued on this worker (it holds it until done).
    case accepted(FarmRangeNotice)
    /// Worker → coordinator: one rendered frame.
    case frame(FarmFrame)
    /// Worker → coordinator: the range cannot be rendered here; `error` says why.
    case failed(FarmFailure)
    /// Worker → coordinator, every second: alive, holding these ranges.
    case heartbeat(FarmHeartbeat)

    public static let protocolName = "vantage-farm"
    public static let version = 1
}

/// A range of one job: everything a worker needs to render exactly the coordinator's frames.
public struct FarmWork: Sendable, Equatable, Codable {
    /// Unique per render; results of any other job are refused.
    public var job: String
    /// Frames [first, last) of the plan.
    public var first: Int
    public var last: Int
    /// The camera path's JSON text (`CameraPath.jsonText`).
    public var path: String
    /// Frame size and rate of the plan: the worker plans the same samples from them.
    public var width: Int
    public var height: Int
    public var framesPerSecond: Int
    /// The rig file and optional replay store, as paths on the worker's machine (absolute when
    /// the coordinator could make them so); a worker's `--rig`/`--store` replace them.
    public var rig: String
    public var store: String?

    public init(job: String, range: Range<Int>, path: String, width: Int, height: Int, framesPerSecond: Int, rig: String, store: String?) {
        (self.job, first, last, self.path, self.width, self.height, self.framesPerSecond, self.rig, self.store) =
            (job, range.lowerBound, range.upperBound, path, width, height, framesPerSecond, rig, store)
    }

    public var range: Range<Int> { first..<last }
}

/// A range a worker has accepted (or holds, in a heartbeat).
public struct FarmRangeNotice: Sendable, Equatable, Codable {
    public var job: String
    public var first: Int
    public var last: Int
    public var worker: String

    public init(job: String, range: Range<Int>, worker: String) {
        (self.job, first, last, self.worker) = (job, range.lowerBound, range.upperBound, worker)
    }

    public var range: Range<Int> { first..<last }
}

public struct FarmFrame: Sendable, Equatable {
    public var job: String
    public var index: Int
    public var worker: String
    public var image: RGBImage

    public init(job: String, index: Int, worker: String, image: RGBImage) {
        (self.job, self.index, self.worker, self.image) = (job, index, worker, image)
    }
}

public struct FarmFailure: Sendable, Equatable, Codable {
    public var job: String
    public var first: Int
    public var last: Int
    public var worker: String
    public var error: String

    public init(job: String, range: Range<Int>, worker: String, error: String) {
        (self.job, first, last, self.worker, self.error) = (job, range.lowerBound, range.upperBound, worker, error)
    }

    public var range: Range<Int> { first..<last }
}

public struct FarmHeartbeat: Sendable, Equatable, Codable {
    public var worker: String
    /// Ranges accepted and not finished, in the order the worker will render them.
    public var holding: [FarmHeldRange]

    public init(worker: String, holding: [FarmHeldRange]) {
        (self.worker, self.holding) = (worker, holding)
    }
}

public struct FarmHeldRange: Sendable, Equatable, Codable {
    public var job: String
    public var first: Int
    public var last: Int

    public init(job: String, range: Range<Int>) { (self.job, first, last) = (job, range.lowerBound, range.upperBound) }

    public var range: Range<Int> { first..<last }
}

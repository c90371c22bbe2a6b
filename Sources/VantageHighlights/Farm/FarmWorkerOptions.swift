import Foundation

/// How a worker joins a farm. `validate()` throws naming the field.
public struct FarmWorkerOptions: Sendable, Equatable {
    /// The coordinator's sockets, e.g. `FarmEndpoints(parsing: "tcp://render-host:5557")`.
    public var endpoints: FarmEndpoints
    /// This worker's name in results and logs; default `host:pid`.
    public var worker: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    /// Replace the rig file / replay store named in work messages (a different mount point here).
    public var rigOverride: String?
    public var storeOverride: String?
    /// Seconds between heartbeats (sent while idle and during long renders alike).
    public var heartbeatSeconds: Double = 1
    /// Exit after the first job: once it has rendered a range, the worker stops when it has held
    /// nothing and received nothing for `onceIdleSeconds`.
    public var once = false
    public var onceIdleSeconds: Double = 3

    public init(endpoints: FarmEndpoints) { self.endpoints = endpoints }

    public func validate() throws(FarmError) {
        guard !worker.isEmpty, worker.utf8.count <= 200 else { throw FarmError(.invalidOption, "worker name '\(worker)': expected 1…200 bytes") }
        guard heartbeatSeconds.isFinite, heartbeatSeconds > 0 else { throw FarmError(.invalidOption, "heartbeat \(heartbeatSeconds) s: expected more than 0") }
        guard onceIdleSeconds.isFinite, onceIdleSeconds >= 0 else { throw FarmError(.invalidOption, "once idle \(onceIdleSeconds) s: expected 0 or more") }
    }

    /// Where the frames of `origin` come from on this machine.
    public func resolve(_ origin: FarmOrigin) -> FarmOrigin {
        FarmOrigin(rig: rigOverride ?? origin.rig, store: storeOverride ?? origin.store)
    }
}

/// What a worker did, as it happens.
public enum FarmWorkerEvent: Sendable, Equatable {
    case accepted(job: String, range: Range<Int>)
    case frameSent(job: String, index: Int)
    case rangeDone(job: String, range: Range<Int>, seconds: Double)
    case rangeFailed(job: String, range: Range<Int>, error: String)
    /// Ranges of an older job dropped unrendered when work of a newer job came: a coordinator
    /// renders one job, so the older job's coordinator is gone and its frames would go to nobody.
    case superseded(job: String, ranges: [Range<Int>])
    /// A refused message, once per burst.
    case dropped(String)
}

/// What a worker did before it stopped.
public struct FarmWorkerSummary: Sendable, Equatable, Codable {
    public var worker: String
    public var ranges = 0
    public var frames = 0
    public var failures = 0
    /// Ranges dropped unrendered because a newer job came (`FarmWorkerEvent.superseded`).
    public var rangesSuperseded = 0
    public var dropped: [String: Int] = [:]
    public var stopReason = ""
}

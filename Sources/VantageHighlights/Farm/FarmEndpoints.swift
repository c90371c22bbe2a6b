import Foundation

/// The two sockets of a farm: work goes out from the coordinator's PUSH socket (the ventilator)
/// and frames come back to its PULL socket (the sink). Both are bound by the coordinator and
/// connected to by workers.
public struct FarmEndpoints: Sendable, Equatable {
    /// Where ranges go out, e.g. `tcp://*:5557` (bind) or `tcp://render1:5557` (connect).
    public var work: String
    /// Where frames come back, e.g. `tcp://*:5558`.
    public var results: String

    public init(work: String, results: String) {
        self.work = work
        self.results = results
    }

    /// `tcp://HOST:PORT`: work on PORT, results on PORT + 1 (the pair `render-path --farm` binds
    /// and `vantage worker --connect` connects to).
    public init(parsing endpoint: String) throws(FarmError) {
        let expected = "expected tcp://HOST:PORT (work on PORT, results on PORT+1), e.g. tcp://*:5557"
        guard endpoint.hasPrefix("tcp://"), let colon = endpoint.lastIndex(of: ":"), colon > endpoint.index(endpoint.startIndex, offsetBy: 5) else {
            throw FarmError(.invalidOption, "farm endpoint \(endpoint): \(expected)")
        }
        let host = endpoint[endpoint.index(endpoint.startIndex, offsetBy: 6)..<colon]
        guard !host.isEmpty, let port = Int(endpoint[endpoint.index(after: colon)...]), (1...65534).contains(port) else {
            throw FarmError(.invalidOption, "farm endpoint \(endpoint): \(expected), PORT 1…65534")
        }
        self.init(work: "tcp://\(host):\(port)", results: "tcp://\(host):\(port + 1)")
    }

    /// The same endpoints as a worker on another machine would write them: a wildcard host
    /// (`*`, `0.0.0.0`) becomes this machine's host name.
    public var forWorkers: FarmEndpoints {
        func named(_ endpoint: String) -> String {
            let host = ProcessInfo.processInfo.hostName
            return endpoint.replacingOccurrences(of: "tcp://*:", with: "tcp://\(host):")
                .replacingOccurrences(of: "tcp://0.0.0.0:", with: "tcp://\(host):")
        }
        return FarmEndpoints(work: named(work), results: named(results))
    }
}

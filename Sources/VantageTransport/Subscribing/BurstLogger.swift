import Foundation
import Logging

/// Logs the first event of each kind, then at most one summary per `quietSeconds` for the rest
/// of a burst, so garbage on a socket cannot flood the log.
struct BurstLogger {
    private struct Burst {
        var lastLogged: Date
        var suppressed: Int
    }

    let logger: Logger
    var quietSeconds: TimeInterval = 5
    private var bursts: [String: Burst] = [:]

    init(logger: Logger) { self.logger = logger }

    mutating func warn(_ key: String, _ message: @autoclosure () -> String, now: Date = Date()) {
        guard var burst = bursts[key] else {
            bursts[key] = Burst(lastLogged: now, suppressed: 0)
            logger.warning("\(message())")
            return
        }
        if now.timeIntervalSince(burst.lastLogged) >= quietSeconds {
            let more = burst.suppressed > 0 ? " (and \(burst.suppressed) more like it since the last report)" : ""
            logger.warning("\(message())\(more)")
            burst = Burst(lastLogged: now, suppressed: 0)
        } else {
            burst.suppressed += 1
        }
        bursts[key] = burst
    }
}

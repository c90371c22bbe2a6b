import Foundation

/// Counts refused messages by reason and logs them once per burst: the first one with its
/// detail, then at most one line per `burstSeconds` with how many more were dropped.
struct FarmDropLog {
    private(set) var counts: [FarmDropReason: Int] = [:]
    private var lastLogged: ContinuousClock.Instant?
    private var unreported = 0
    let burstSeconds: Double
    let side: String

    init(side: String, burstSeconds: Double = 5) {
        self.side = side
        self.burstSeconds = burstSeconds
    }

    /// Counts `drop`; returns the line to log, if this one starts a burst.
    mutating func record(_ drop: FarmDrop, from peer: String = "", now: ContinuousClock.Instant = .now) -> String? {
        counts[drop.reason, default: 0] += 1
        if let lastLogged, now - lastLogged < .milliseconds(Int(burstSeconds * 1000)) {
            unreported += 1
            return nil
        }
        lastLogged = now
        let earlier = unreported > 0 ? " (and \(unreported) more dropped since the last report)" : ""
        unreported = 0
        return "\(side): dropped a farm message (\(drop.reason.rawValue))\(peer.isEmpty ? "" : " from \(peer)"): \(drop.detail)\(earlier)"
    }

    var total: Int { counts.values.reduce(0, +) }
}

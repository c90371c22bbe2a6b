import Foundation
import VantageReplay
import VantageTransport

/// What `vantage store info` prints: a table for people, JSON for scripts.
struct StoreInfoReport: Encodable {
    var directory: String
    var options: ReplayStoreOptions
    /// Oldest and newest capture time of any camera, microseconds.
    var firstCaptureMicroseconds: Int64?
    var lastCaptureMicroseconds: Int64?
    var cameras: [CameraSummary]
    var toleranceMicroseconds: Int64
    var sync: SyncReport
    var damage: [SegmentDamage]

    init(_ summary: ReplaySummary, options: ReplayStoreOptions) {
        directory = summary.directory
        self.options = options
        firstCaptureMicroseconds = summary.captureRange?.lowerBound
        lastCaptureMicroseconds = summary.captureRange?.upperBound
        cameras = summary.cameras
        toleranceMicroseconds = summary.toleranceMicroseconds
        sync = summary.sync
        damage = summary.damage
    }

    func table() -> String {
        let frames = cameras.reduce(0) { $0 + $1.frames }
        var lines = ["Replay store \(directory): \(cameras.count) cameras, \(frames) frames\(rangeText); retention \(fixed(options.retentionSeconds, 0)) s"]
        var table = TextTable(header: ["camera", "frames", "keyframes", "segments", "MB", "first (s)", "last (s)", "interval (ms)", "gaps", "largest gap (ms)"])
        for camera in cameras {
            table.rows.append([
                camera.camera, "\(camera.frames)", "\(camera.keyframes)", "\(camera.segments)", fixed(Double(camera.bytes) / 1e6, 2),
                seconds(camera.firstCaptureMicroseconds), seconds(camera.lastCaptureMicroseconds),
                milliseconds(camera.medianIntervalMicroseconds), "\(camera.gaps)", milliseconds(camera.largestGapMicroseconds),
            ])
        }
        lines.append(table.rendered())
        lines.append("")
        lines.append("Moments (tolerance \(milliseconds(toleranceMicroseconds)) ms): \(sync.moments), \(sync.completeMoments) complete; spread of complete moments mean \(milliseconds(sync.meanSpreadMicroseconds)) ms, max \(milliseconds(sync.maxSpreadMicroseconds)) ms")
        let missing = sync.missingByCamera.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        if !missing.isEmpty { lines.append("Missing from moments: \(missing.joined(separator: ", "))") }
        if damage.isEmpty {
            lines.append("Damage: none")
        } else {
            lines.append("Damage: \(damage.count) stretches, \(damage.reduce(0) { $0 + $1.length }) bytes unreadable (left on disk)")
            lines += damage.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    private var rangeText: String {
        guard let first = firstCaptureMicroseconds, let last = lastCaptureMicroseconds else { return "" }
        return " captured from \(seconds(first)) s to \(seconds(last)) s (\(fixed(Double(last - first) / 1e6, 3)) s)"
    }

    private func seconds(_ microseconds: Int64?) -> String { microseconds.map { fixed(Double($0) / 1e6, 3) } ?? "-" }
    private func milliseconds(_ microseconds: Int64?) -> String { microseconds.map { fixed(Double($0) / 1e3, 1) } ?? "-" }
}

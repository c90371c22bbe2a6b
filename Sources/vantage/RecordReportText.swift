import Foundation
import VantageTransport

/// The recorder's periodic metric lines and final summary, as text.
enum RecordReportText {
    /// One line per camera: rates over the last interval, totals, and sync offset.
    static func lines(_ report: RecorderReport) -> [String] {
        var lines = report.counters.cameras.keys.sorted().map { camera -> String in
            let counters = report.counters.cameras[camera]!
            let rate = report.rates[camera]
            let offset = report.sync?.cameraOffsetMicroseconds[camera].map { ", sync ±\(fixed(Double($0) / 1000, 1)) ms" } ?? ""
            return "\(camera): \(fixed(rate?.framesPerSecond ?? 0, 1)) fps, \(fixed((rate?.bytesPerSecond ?? 0) / 1e6, 2)) MB/s, "
                + "\(counters.framesAccepted) kept, \(counters.framesLost) lost, \(counters.framesLate) late\(offset)"
        }
        var totals = "all: \(report.framesWritten) written, \(report.queuedFrames) queued (\(fixed(Double(report.queuedBytes) / 1e6, 1)) MB)"
        if let sync = report.sync { totals += ", sync spread mean \(fixed(Double(sync.meanSpreadMicroseconds) / 1000, 1)) ms, max \(fixed(Double(sync.maxSpreadMicroseconds) / 1000, 1)) ms" }
        if report.counters.totalRefused > 0 { totals += ", \(report.counters.totalRefused) messages refused" }
        if report.refusedPeers > 0 { totals += ", \(report.refusedPeers) peers refused" }
        lines.append(totals)
        return lines
    }

    /// The table printed when recording ends.
    static func summary(_ report: RecorderReport) -> String {
        var table = TextTable(header: ["camera", "kept", "MB", "lost", "before keyframe", "out of order", "late", "restarts"])
        for camera in report.counters.cameras.keys.sorted() {
            let counters = report.counters.cameras[camera]!
            table.rows.append([camera, "\(counters.framesAccepted)", fixed(Double(counters.bytesAccepted) / 1e6, 2), "\(counters.framesLost)",
                               "\(counters.framesAwaitingKeyframe)", "\(counters.framesOutOfOrder)", "\(counters.framesLate)", "\(counters.restarts)"])
        }
        var text = table.rendered()
        let refused = report.counters.refusedMessages.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            + report.counters.unknownCameraFrames.sorted { $0.key < $1.key }.map { "\($0.value) of unknown camera \($0.key)" }
        if !refused.isEmpty { text += "\nrefused messages: " + refused.joined(separator: ", ") }
        if report.refusedPeers > 0 { text += "\nrefused peers (unknown CURVE key): \(report.refusedPeers)" }
        text += "\n\(report.framesWritten) frames written in \(fixed(report.seconds, 1)) s; \(report.stopReason ?? "stopped")"
        return text
    }
}

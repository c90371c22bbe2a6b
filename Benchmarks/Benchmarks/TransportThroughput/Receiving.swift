import Foundation
import Logging
import VantageMedia
import VantageTransport

/// What a receiving role measured, printed as one JSON object (`--json`) or one line of text.
/// Rates and CPU run from the first frame received to the last, so start-up and the final idle
/// wait are left out.
struct ReceiveReport: Encodable {
    var frames = 0
    var bytes = 0
    /// Frames the subscriber's counters saw missing from sequence gaps.
    var lost: UInt64 = 0
    /// Frames expected (`subscribe --frames`) that never came, gaps and a missing tail alike.
    var missing = 0
    /// Frames whose size or sampled bytes were wrong (`subscribe` only).
    var badFrames = 0
    var refusedMessages = 0
    var heartbeats = 0
    var seconds = 0.0
    var framesPerSecond = 0.0
    var megabytesPerSecond = 0.0
    /// This process's user + system CPU (every thread, libzmq's I/O thread included).
    var cpuSeconds = 0.0
    var cpuMicrosecondsPerFrame = 0.0

    var text: String {
        String(format: "%d frames, %.1f MB in %.3f s: %.1f frames/s, %.1f MB/s; lost %llu, missing %d, bad %d; CPU %.1f µs/frame",
               frames, Double(bytes) / 1e6, seconds, framesPerSecond, megabytesPerSecond, lost, missing, badFrames, cpuMicrosecondsPerFrame)
    }

    func print(json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: try encoder.encode(self), as: UTF8.self))
        } else {
            Swift.print(text)
        }
    }
}

/// Subscribes to `endpoint` and hands every accepted frame to `frameArrived` until `limit` frames
/// came, or none came for `idleSeconds` after the first (`startSeconds` before it).
func receiveFrames(endpoint: String, rig: String?, limit: Int?, startSeconds: Double, idleSeconds: Double,
                   frameArrived: (WireFrame) -> Void) throws -> ReceiveReport {
    let context = try ZMQContext()
    var options = SubscriberOptions(endpoints: [endpoint])
    options.rig = rig
    var report = ReceiveReport()
    try withExtendedLifetime(context) {
        let subscriber = try FrameSubscriber(context: context, options: options, logger: Logger(label: "throughput"))
        var first: (time: ContinuousClock.Instant, cpu: Double, bytes: Int)?
        var last = (time: ContinuousClock.now, cpu: 0.0)
        while limit.map({ report.frames < $0 }) ?? true {
            let timeout = first == nil ? startSeconds : idleSeconds
            guard let event = try subscriber.next(timeoutMilliseconds: Int32(timeout * 1000)) else { break }
            guard case let .frame(frame) = event else { continue }
            frameArrived(frame)
            report.frames += 1
            report.bytes += frame.payload.count
            last = (ContinuousClock.now, processCPUSeconds())
            if first == nil { first = (last.time, last.cpu, frame.payload.count) }
        }
        let counters = subscriber.counters
        report.lost = counters.totalLost
        report.refusedMessages = counters.totalRefused
        report.heartbeats = counters.statusMessages
        if let first, report.frames > 1 {
            let elapsed = last.time - first.time
            report.seconds = elapsed.seconds
            report.framesPerSecond = Double(report.frames - 1) / report.seconds
            report.megabytesPerSecond = Double(report.bytes - first.bytes) / 1e6 / report.seconds
            report.cpuSeconds = last.cpu - first.cpu
            report.cpuMicrosecondsPerFrame = report.cpuSeconds * 1e6 / Double(report.frames - 1)
        }
    }
    return report
}

/// CPU seconds of the whole process so far (user + system, all threads).
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

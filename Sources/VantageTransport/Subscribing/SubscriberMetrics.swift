import Metrics

/// The subscriber's counters as swift-metrics instruments (labels `vantage_subscriber_*`,
/// dimension `camera`), so any metrics backend the process bootstraps can export them.
final class SubscriberMetrics {
    private struct CameraInstruments {
        let frames: Counter
        let bytes: Counter
        let lost: Counter
        let late: Counter
        let outOfOrder: Counter
    }

    private var cameras: [String: CameraInstruments] = [:]
    private let refused = Counter(label: "vantage_subscriber_refused_messages_total")

    func accepted(_ camera: String, bytes: Int, lost: UInt64, late: Bool) {
        let instruments = self.instruments(camera)
        instruments.frames.increment()
        instruments.bytes.increment(by: bytes)
        if lost > 0 { instruments.lost.increment(by: Int64(clamping: lost)) }
        if late { instruments.late.increment() }
    }

    func lost(_ camera: String, _ count: UInt64) {
        if count > 0 { instruments(camera).lost.increment(by: Int64(clamping: count)) }
    }

    func outOfOrder(_ camera: String) { instruments(camera).outOfOrder.increment() }

    func refusedMessage() { refused.increment() }

    private func instruments(_ camera: String) -> CameraInstruments {
        if let existing = cameras[camera] { return existing }
        let dimensions = [("camera", camera)]
        let created = CameraInstruments(
            frames: Counter(label: "vantage_subscriber_frames_total", dimensions: dimensions),
            bytes: Counter(label: "vantage_subscriber_bytes_total", dimensions: dimensions),
            lost: Counter(label: "vantage_subscriber_lost_frames_total", dimensions: dimensions),
            late: Counter(label: "vantage_subscriber_late_frames_total", dimensions: dimensions),
            outOfOrder: Counter(label: "vantage_subscriber_out_of_order_frames_total", dimensions: dimensions))
        cameras[camera] = created
        return created
    }
}

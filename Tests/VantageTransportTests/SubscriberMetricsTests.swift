import Foundation
import Logging
import Metrics
import MetricsTestKit
import Testing
@testable import VantageTransport

/// Collects log messages so a test can count them.
private struct CollectingLogHandler: LogHandler {
    let messages: Locked<[String]>
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { messages.withLock { $0.append(event.message.description) } }
}

@Suite struct SubscriberMetricsTests {
    private func subscriber(_ context: ZMQContext, logger: Logger) throws -> FrameSubscriber {
        var options = SubscriberOptions(endpoints: ["tcp://127.0.0.1:1"])
        options.cameras = ["cam01", "cam02"]
        return try FrameSubscriber(context: context, options: options, logger: logger)
    }

    @Test func countersReachSwiftMetricsPerCamera() throws {
        let metrics = TestMetrics()
        try withMetricsFactory(metrics) {
            let subscriber = try subscriber(ZMQContext(), logger: Logger(label: "test"))
            for sequence: UInt64 in [0, 1, 2, 5, 6] {
                _ = subscriber.admit(TestFrames.parts(TestFrames.compressed(sequence: sequence, keyframe: true, payload: [1, 2, 3])))
            }
            _ = subscriber.admit([[1], [2], [3]])
            #expect(try metrics.expectCounter("vantage_subscriber_frames_total", [("camera", "cam01")]).totalValue == 5)
            #expect(try metrics.expectCounter("vantage_subscriber_bytes_total", [("camera", "cam01")]).totalValue == 15)
            #expect(try metrics.expectCounter("vantage_subscriber_lost_frames_total", [("camera", "cam01")]).totalValue == 2)
            #expect(try metrics.expectCounter("vantage_subscriber_refused_messages_total").totalValue == 1)
        }
    }

    @Test func aBurstOfGarbageIsLoggedOnce() throws {
        let messages = Locked<[String]>([])
        let logger = Logger(label: "test") { _ in CollectingLogHandler(messages: messages) }
        let subscriber = try subscriber(ZMQContext(), logger: logger)
        for index in 0..<500 { _ = subscriber.admit([[UInt8(index % 256)], [0xde, 0xad], []]) }
        for _ in 0..<50 { _ = subscriber.admit(TestFrames.parts(TestFrames.compressed(camera: "cam09"))) }
        #expect(subscriber.counters.refusedMessages["garbage"] == 500)
        #expect(subscriber.counters.unknownCameraFrames["cam09"] == 50)
        #expect(messages.current.count == 2, "\(messages.current.count) log lines for two bursts")
        #expect(messages.current.contains { $0.contains("cam09") && $0.contains("not in the rig") })
    }
}

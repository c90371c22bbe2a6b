import Foundation
import Logging
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageTransport
import VantageReplay
import VantageTestSupport

/// A store on a disk that takes `delay` seconds per frame.
private final class SlowStore: FrameSink, @unchecked Sendable {
    let store: ReplayStore
    let delay: Double
    init(_ store: ReplayStore, delay: Double) {
        self.store = store
        self.delay = delay
    }
    func append(_ frame: WireFrame) throws {
        Thread.sleep(forTimeInterval: delay)
        try store.append(frame)
    }
    func flush() throws { try store.flush() }
}

/// The recorder writing into a real store, fed over real sockets on 127.0.0.1.
@Suite(.serialized) struct RecorderIntoStoreTests {
    private static func frame(_ index: Int, bytes: Int = 64) -> WireFrame {
        let payload = [UInt8](repeating: UInt8(index % 256), count: bytes)
        let header = FrameHeader(
            rig: "pitch", camera: "cam01", streamID: 0, sequence: 0, captureMicroseconds: Int64(index) * 20_000,
            presentationTimestamp: nil, decodeTimestamp: nil, duration: 0, timeBase: MediaRational(1, 1_000_000),
            isKeyframe: true, width: 8, height: 8, pixelFormatName: "rgb24",
            payload: .raw(planes: [RawPlane(bytesPerRow: bytes / 8, rows: 8)]), payloadLength: bytes)
        return WireFrame(header: header, payload: payload)
    }

    /// Binds a raw XPUB socket on a sender thread, returns its endpoint, and runs `body` with it there.
    private func startSender(_ context: ZMQContext, _ body: @escaping @Sendable (ZMQSocket) -> Void) throws -> String {
        let endpoint = Locked<String?>(nil)
        let bound = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let raw = try? ZMQSocket(context, .extendedPublisher)
            try? raw?.bind("tcp://127.0.0.1:*")
            endpoint.withLock { $0 = try? raw?.lastEndpoint() }
            bound.signal()
            if let raw { body(raw) }
        }
        bound.wait()
        return try #require(endpoint.current)
    }

    private func temporaryStore() throws -> (URL, ReplayStore) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-store-\(UUID())")
        return (directory, try ReplayStore(directory: directory))
    }

    @Test func garbageBetweenGoodFramesCostsTheStoreNothing() throws {
        let (directory, store) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try ZMQContext()
        let endpoint = try startSender(context) { raw in
            guard (try? raw.receive(timeoutMilliseconds: 5000)) != nil else { return }
            for index in 0..<40 {
                var good = Self.frame(index)
                good.header.sequence = UInt64(index)
                let (topic, header) = WireProtocol.encodeParts(of: good.header)
                _ = try? raw.send([topic, header, good.payload])
                _ = try? raw.send([topic, Array(header.prefix(index % 30)), good.payload])
                _ = try? raw.send([[0xff], [0xfe], [0xfd], [0xfc]])
            }
            // Closing drops what is still queued: stay open until the recorder has it all.
            Thread.sleep(forTimeInterval: 1)
        }
        var options = RecorderOptions()
        options.untilIdleSeconds = 1.5
        let recorder = try Recorder(context: context, subscriber: SubscriberOptions(endpoints: [endpoint]),
                                    sink: store, options: options, logger: Logger(label: "test"))
        let report = try recorder.run(shouldStop: { false })
        #expect(report.framesWritten == 40)
        #expect(report.counters.totalRefused == 80)
        let stored = store.index(camera: "cam01")
        #expect(try stored.map { try store.frame(at: $0).payload } == (0..<40).map { Self.frame($0).payload })
    }

    @Test func aSlowDiskKeepsMemoryBoundedAndCountsWhatWasLost() throws {
        let (directory, store) = try temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = try ZMQContext()
        let endpoint = Locked<String?>(nil)
        let bound = DispatchSemaphore(value: 0)
        let sender = Thread {
            var publisherOptions = PublisherOptions(endpoint: "tcp://127.0.0.1:*", rig: "pitch", node: "fast-camera")
            publisherOptions.sendHighWaterMark = 8
            let publisher = try? FramePublisher(context: context, options: publisherOptions)
            endpoint.withLock { $0 = publisher?.boundEndpoint }
            bound.signal()
            guard let publisher, publisher.waitForSubscriber(seconds: 5) else { return }
            for index in 0..<400 {
                let frame = Self.frame(index, bytes: 100_000)
                try? publisher.publish(frame.header, payload: frame.payload)
            }
            // A last frame once the queues have room again, then a heartbeat: between them they
            // show every gap, the one at the tail included.
            Thread.sleep(forTimeInterval: 1)
            let last = Self.frame(400, bytes: 100_000)
            try? publisher.publish(last.header, payload: last.payload)
            Thread.sleep(forTimeInterval: 0.3)
            try? publisher.sendHeartbeat()
            Thread.sleep(forTimeInterval: 0.5)
        }
        sender.start()
        bound.wait()
        var subscriberOptions = SubscriberOptions(endpoints: [try #require(endpoint.current)])
        subscriberOptions.receiveHighWaterMark = 8
        var options = RecorderOptions()
        options.untilIdleSeconds = 1.5
        options.queueBytes = 10 * 100_000
        options.reportSeconds = 0.05
        let recorder = try Recorder(context: context, subscriber: subscriberOptions, sink: SlowStore(store, delay: 0.01),
                                    options: options, logger: Logger(label: "test"))
        var largestQueue = 0
        let report = try recorder.run(shouldStop: { false }) { report in largestQueue = max(largestQueue, report.queuedBytes) }
        let counters = try #require(report.counters.cameras["cam01"])
        #expect(largestQueue <= options.queueBytes)
        #expect(counters.framesLost > 0, "a disk 10 ms per frame slower than the camera must lose frames")
        #expect(report.framesWritten == counters.framesAccepted)
        #expect(store.index(camera: "cam01").count == counters.framesAccepted)
        #expect(UInt64(counters.framesAccepted) + counters.framesLost == 401, "frames 0...400: kept or counted as lost")
    }
}

/// `--raw`: decoded RGB planes instead of packets, from a real camera through real sockets into
/// a store, and back out as the same pictures.
@Suite(.serialized, .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
struct RawIngestIntoStoreTests {
    @Test func rawFramesOfARealCameraComeBackPixelForPixel() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("raw-store-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReplayStore(directory: directory)
        let rigFile = URL(fileURLWithPath: SharedData.path("caliscope-charuco/camera_array.toml"))
        let rig = try RigImport.read(rigFile).rig
        let context = try ZMQContext()
        let endpoint = Locked<String?>(nil)
        let bound = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var options = IngestOptions()
            options.raw = true
            var publisherOptions = PublisherOptions(endpoint: "tcp://127.0.0.1:*", rig: rig.name, node: "raw-test")
            publisherOptions.dropWhenFull = false
            let ingest = try? RigIngest(rig: rig, rigDirectory: rigFile.deletingLastPathComponent(), cameras: ["cam_0"], options: options)
            let publisher = try? FramePublisher(context: context, options: publisherOptions)
            endpoint.withLock { $0 = publisher?.boundEndpoint }
            bound.signal()
            guard let ingest, let publisher, publisher.waitForSubscriber(seconds: 10) else { return }
            _ = try? ingest.run(publisher: publisher, shouldStop: { false })
        }
        bound.wait()
        var recorderOptions = RecorderOptions()
        recorderOptions.untilIdleSeconds = 2
        let recorder = try Recorder(context: context, subscriber: SubscriberOptions(endpoints: [try #require(endpoint.current)]),
                                    sink: store, options: recorderOptions, logger: Logger(label: "test"))
        let report = try recorder.run(shouldStop: { false })
        #expect(report.framesWritten == 111)
        let index = store.index(camera: "cam_0")
        #expect(try store.frame(at: try #require(index.first)).header.payload == .raw(planes: [RawPlane(bytesPerRow: 1280 * 3, rows: 720)]))

        let reader = try MediaReader(SharedData.path("caliscope-charuco/cam_0.mp4"))
        let converter = PixelConverter()
        var decoded: [RGBImage] = []
        while let frame = try reader.nextFrame() { decoded.append(try converter.rgbImage(from: frame)) }
        let decoder = ReplayDecoder(store: store)
        for frame in [0, 55, 110] {
            let image = try decoder.image(camera: "cam_0", captureMicroseconds: index[frame].captureMicroseconds)
            #expect(image == decoded[frame], "frame \(frame) changed on the way")
        }
    }
}

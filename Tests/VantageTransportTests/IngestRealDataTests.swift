import Foundation
import Testing
import VantageGeometry
import VantageMedia
@testable import VantageTransport
import VantageTestSupport

/// Keeps what a recorder accepted, in arrival order (the replay store's own tests cover disk).
private final class CollectingSink: FrameSink, @unchecked Sendable {
    let frames = Locked<[WireFrame]>([])
    func append(_ frame: WireFrame) throws { frames.withLock { $0.append(frame) } }
    func flush() throws {}
}

/// Real media through a real ingest node and recorder over TCP on 127.0.0.1.
@Suite(.serialized, .enabled(if: SharedData.isAvailable, "needs ../shared/data"))
struct IngestRealDataTests {
    /// Publishes `cameras` of the rig at `rigFile` as fast as possible and records everything.
    private func ingestAndRecord(_ rigFile: URL, options: IngestOptions = IngestOptions()) throws -> (frames: [WireFrame], summary: IngestSummary, report: RecorderReport) {
        let rig = try RigImport.read(rigFile).rig
        let context = try ZMQContext()
        let endpoint = Locked<String?>(nil)
        let summary = Locked<Result<IngestSummary, TransportError>?>(nil)
        let bound = DispatchSemaphore(value: 0)
        let node = Thread {
            do throws(TransportError) {
                let ingest = try RigIngest(rig: rig, rigDirectory: rigFile.deletingLastPathComponent(),
                                           cameras: rig.cameras.map(\.camera.name), options: options)
                var publisherOptions = PublisherOptions(endpoint: "tcp://127.0.0.1:*", rig: rig.name, node: "test-ingest")
                publisherOptions.dropWhenFull = false
                let publisher = try FramePublisher(context: context, options: publisherOptions)
                endpoint.withLock { $0 = publisher.boundEndpoint }
                bound.signal()
                guard publisher.waitForSubscriber(seconds: 10) else { throw TransportError(.socket, "no subscriber") }
                let result = try ingest.run(publisher: publisher, shouldStop: { false })
                summary.withLock { $0 = .success(result) }
            } catch {
                summary.withLock { $0 = .failure(error) }
                bound.signal()
            }
        }
        node.start()
        bound.wait()
        let sink = CollectingSink()
        var subscriberOptions = SubscriberOptions(endpoints: [try #require(endpoint.current)])
        subscriberOptions.cameras = Set(rig.cameras.map(\.camera.name))
        var recorderOptions = RecorderOptions()
        recorderOptions.untilIdleSeconds = 2
        let recorder = try Recorder(context: context, subscriber: subscriberOptions, sink: sink, options: recorderOptions, logger: Loopback.logger)
        let report = try recorder.run(shouldStop: { false })
        while summary.current == nil { Thread.sleep(forTimeInterval: 0.05) }
        return (sink.frames.current, try summary.current!.get(), report)
    }

    @Test func pose2simPacketsArriveByteIdenticalAndFormOneHundredCompleteMoments() throws {
        let calibration = SharedData.url("pose2sim-single/calibration/Calib.qca.txt")
        let (frames, summary, report) = try ingestAndRecord(calibration)
        #expect(summary.frames == 400)
        #expect(frames.count == 400)
        #expect(report.counters.totalLost == 0 && report.counters.totalRefused == 0)
        for camera in ["cam01", "cam02", "cam03", "cam04"] {
            let reader = try PacketReader(SharedData.url("pose2sim-single/videos/\(camera).mp4").path)
            var packets: [[UInt8]] = []
            while let packet = try reader.nextPacket() { packets.append(packet.data) }
            let received = frames.filter { $0.header.camera == camera }
            #expect(received.count == packets.count && received.map(\.payload) == packets, "\(camera): packets differ from the file's")
            #expect(received.first?.header.payload == .compressed(codecName: reader.codecParameters.codecName, parameters: reader.codecParameters))
        }
        let times = Dictionary(grouping: frames, by: \.header.camera).mapValues { $0.map(\.header.captureMicroseconds) }
        let tolerance = try #require(Synchronizer.halfFrameInterval(times))
        let moments = Synchronizer(cameras: Array(times.keys), toleranceMicroseconds: tolerance).moments(times)
        #expect(moments.count == 100)
        #expect(SyncReport(moments).completeMoments == 100)
        #expect(SyncReport(moments).maxSpreadMicroseconds == 0)
    }

    @Test func caliscopeWebcamsAreTimedByTimestampsCSVAndGroupedLikeCaliscopeDid() throws {
        let folder = SharedData.url("caliscope-charuco")
        let (frames, _, report) = try ingestAndRecord(folder.appendingPathComponent("camera_array.toml"))
        #expect(frames.count == 444)
        // caliscope's own grouping: rows with the same sync_index belong to one instant.
        let rows = try String(contentsOf: folder.appendingPathComponent("timestamps.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").map(String.init) }
        var expected: [Int: Set<Int64>] = [:]
        for row in rows { expected[Int(row[0])!, default: []].insert(Int64((Double(row[3])! * 1_000_000).rounded())) }
        let times = Dictionary(grouping: frames, by: \.header.camera).mapValues { $0.map(\.header.captureMicroseconds) }
        #expect(Set(times.values.flatMap { $0 }) == Set(expected.values.flatMap { $0 }) ? true : false, "capture times are not timestamps.csv's")
        let tolerance = try #require(Synchronizer.halfFrameInterval(times))
        let moments = Synchronizer(cameras: Array(times.keys), toleranceMicroseconds: tolerance).moments(times)
        let sameGrouping = Set(moments.map { Set($0.frames.values) }) == Set(expected.values)
        #expect(sameGrouping, "moments differ from caliscope's sync_index groups")
        let sync = SyncReport(moments)
        #expect(sync.completeMoments == 111)
        #expect(sync.maxSpreadMicroseconds > 30_000 && sync.maxSpreadMicroseconds < 50_000)
        #expect(report.sync != nil)
    }
}

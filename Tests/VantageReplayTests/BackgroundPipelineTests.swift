import Foundation
import Logging
import Testing
import VantageGeometry
import VantageReplay
import VantageTestSupport
import VantageTransport

/// An ingest node and a recorder inside one process, as `vantage demo` and `vantage serve
/// --subscribe` run them.
@Suite(.serialized, .enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct BackgroundPipelineTests {
    private let rigFile = SharedData.url("pose2sim-single/calibration/Calib.qca.txt")

    private func start(realtime: Bool, into directory: URL) throws -> (BackgroundIngest, BackgroundRecording) {
        let rig = try RigImport.read(rigFile).rig
        let context = try ZMQContext()
        var options = IngestOptions()
        options.realtime = realtime
        options.loop = realtime
        var publisher = PublisherOptions(endpoint: "tcp://127.0.0.1:*", rig: rig.name, node: "in-process")
        publisher.dropWhenFull = realtime
        let ingest = try BackgroundIngest(context: context, rig: rig, rigDirectory: rigFile.deletingLastPathComponent(),
                                          cameras: rig.cameras.map(\.camera.name), options: options, publisher: publisher)
        var recorderOptions = RecorderOptions()
        recorderOptions.reportSeconds = 0.2
        let recording = try BackgroundRecording(context: context, subscriber: SubscriberOptions(endpoints: [ingest.endpoint]),
                                                store: try ReplayStore(directory: directory), options: recorderOptions,
                                                logger: Logger(label: "test"))
        return (ingest, recording)
    }

    private func frames(_ store: ReplayStore) -> Int { store.cameras.reduce(0) { $0 + store.index(camera: $1).count } }

    @Test func aWholeClipArrivesInTheStoreWhileTheProcessGoesOn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("background-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (ingest, recording) = try start(realtime: false, into: directory)
        let deadline = Date().addingTimeInterval(30)
        while frames(recording.store) < 400 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try ingest.stop().frames == 400)
        let report = recording.stop()
        #expect(frames(recording.store) == 400)
        #expect(report?.counters.totalLost == 0)
    }

    @Test func aLoopingLiveIngestStopsWhenAsked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("background-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (ingest, recording) = try start(realtime: true, into: directory)
        Thread.sleep(forTimeInterval: 2)
        #expect(!ingest.isFinished)
        let summary = try ingest.stop()
        recording.stop()
        #expect(summary.frames > 100)
        #expect(frames(recording.store) > 100)
        #expect(recording.failureMessage == nil)
    }

    @Test func anIngestThatCannotStartSaysWhy() throws {
        let rig = try RigImport.read(rigFile).rig
        #expect(throws: TransportError.self) {
            try BackgroundIngest(context: try ZMQContext(), rig: rig, rigDirectory: rigFile.deletingLastPathComponent(), cameras: ["cam01"],
                                 options: IngestOptions(), publisher: PublisherOptions(endpoint: "nonsense", rig: rig.name, node: "x"))
        }
    }
}

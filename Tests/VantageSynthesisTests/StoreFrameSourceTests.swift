import Foundation
import Testing
import VantageTestSupport
import VantageGeometry
import VantageMedia
import VantageReplay
import VantageTransport
@testable import VantageSynthesis

/// The replay store as the view model's second frame source: the moments it gives are the
/// moments the rig's own media give.
@Suite(.enabled(if: SharedData.isAvailable, SharedData.skipNote))
struct StoreFrameSourceTests {
    /// A store holding every pose2sim packet, captured at its stream time (the cameras are frame-locked).
    private func pose2simStore(_ directory: URL, cameras: [String] = ["cam01", "cam02", "cam03", "cam04"]) throws -> ReplayStore {
        let store = try ReplayStore(directory: directory)
        try append(cameras, to: store)
        return store
    }

    private func append(_ cameras: [String], to store: ReplayStore) throws {
        for camera in cameras {
            let reader = try PacketReader(SharedData.url("pose2sim-single/videos/\(camera).mp4").path)
            var sequence: UInt64 = 0
            while let packet = try reader.nextPacket() {
                let capture = reader.clock.microsecondsFromStart(try #require(packet.presentationTimestamp))
                var frame = WireFrame(rig: "pose2sim", camera: camera, captureMicroseconds: capture, packet: packet, parameters: reader.codecParameters)
                frame.header.sequence = sequence
                sequence += 1
                try store.append(frame)
            }
        }
        try store.flush()
    }

    @Test func momentsFromTheStoreEqualMomentsFromTheMedia() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-source-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rig = try QualisysImporter.read(SharedData.url("pose2sim-single/calibration/Calib.qca.txt")).rig
        let fromStore = try StoreFrameSource(rig: rig, store: try pose2simStore(directory))
        let fromMedia = try RigFrameSource(rig: rig, rigDirectory: SharedData.url("pose2sim-single/calibration"))
        #expect(fromStore.sourceNames == fromMedia.sourceNames)
        #expect(fromStore.moments.count == 100 && fromStore.moments.allSatisfy(\.isComplete))
        #expect(abs(fromStore.framesPerSecond - 60) < 0.1)
        #expect(abs(fromStore.durationSeconds - fromMedia.durationSeconds) < 1e-3)
        for frame in [0, 37, 99] {
            let stored = try fromStore.moment(at: .frame(frame), cameras: nil)
            let read = try fromMedia.moment(at: .frame(frame), cameras: nil)
            #expect(stored.captureMicroseconds == read.captureMicroseconds)
            #expect(stored.views.map(\.camera) == read.views.map(\.camera))
            #expect(zip(stored.views, read.views).allSatisfy { $0.image == $1.image }, "frame \(frame): images differ")
        }
    }

    @Test func aCameraTheStoreLacksIsMissingAndARigWithNoneIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-source-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rig = try QualisysImporter.read(SharedData.url("pose2sim-single/calibration/Calib.qca.txt")).rig
        let store = try pose2simStore(directory, cameras: ["cam01", "cam03"])
        let source = try StoreFrameSource(rig: rig, store: store)
        let moment = try source.moment(at: .frame(10), cameras: nil)
        #expect(moment.views.map(\.name) == ["cam01", "cam03"])
        #expect(source.sourceNames == ["cam01", "cam03"])
        let other = Rig(name: "elsewhere", cameras: [RigCamera(rig.cameras[1].camera)].map { var camera = $0; camera.camera.name = "far"; return camera })
        #expect(throws: SynthesisError.self) { try StoreFrameSource(rig: other, store: store) }
    }

    @Test func refreshSeesWhatWasRecordedSince() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-source-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let rig = try QualisysImporter.read(SharedData.url("pose2sim-single/calibration/Calib.qca.txt")).rig
        let store = try pose2simStore(directory, cameras: ["cam01", "cam03"])
        let source = try StoreFrameSource(rig: rig, store: store)
        #expect(source.sourceNames == ["cam01", "cam03"])
        try append(["cam02", "cam04"], to: store)
        try source.refresh()
        #expect(source.sourceNames == ["cam01", "cam02", "cam03", "cam04"])
        #expect(source.moments.count == 100 && source.moments.allSatisfy(\.isComplete))
        #expect(try source.moment(at: .frame(20), cameras: nil).views.count == 4)
    }
}

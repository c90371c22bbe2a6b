import Foundation
import Testing
@testable import VantageReplay

struct SegmentRollingTests {
    @Test func segmentsRollBeforeAKeyframeOnceFull() throws {
        let folder = try TemporaryDirectory()
        // 1000-byte payloads (about 1.1 kB records), a keyframe every 5 frames, segments of 4 kB:
        // full after 4 frames, cut before the 6th.
        let store = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(segmentMaxBytes: 4096))
        let frames = TestFrames.stream(count: 50, gop: 5, payloadBytes: 1000)
        for frame in frames { try store.append(frame) }
        try store.close()
        let index = store.index(camera: "cam01")
        let segments = Array(Set(index.map(\.segment))).sorted()
        #expect(segments.count == 10, "\(segments)")
        for segment in segments {
            let first = try #require(index.first { $0.segment == segment })
            #expect(first.isKeyframe, "\(segment) starts at a keyframe")
        }
        #expect(try FileManager.default.segments(of: "cam01", in: folder.store).map(\.lastPathComponent) == segments)
        // Names: first capture time, zero-padded, then the counter.
        #expect(segments.first == "00000000000001000000-00000000.vseg")
        let reopened = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(try reopened.index(camera: "cam01").map { try reopened.frame(at: $0) } == frames)
    }

    @Test func withoutKeyframesSegmentsRollAtTwiceTheLimit() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(segmentMaxBytes: 4096))
        for frame in TestFrames.stream(count: 40, gop: 1000, payloadBytes: 1000) { try store.append(frame) }
        let segments = Dictionary(grouping: store.index(camera: "cam01"), by: \.segment)
        #expect(segments.count > 1)
        #expect(segments.values.allSatisfy { $0.reduce(0) { $0 + $1.recordLength } <= 2 * 4096 })
    }

    @Test func segmentsRollByCaptureTime() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(segmentMaxSeconds: 1))
        // 100 frames at 10 per second, every 5th a keyframe: ten seconds, so ten segments of one second.
        for frame in TestFrames.stream(count: 100, interval: 100_000, gop: 5) { try store.append(frame) }
        let segments = Dictionary(grouping: store.index(camera: "cam01"), by: \.segment)
        #expect(segments.count == 10)
        #expect(segments.values.allSatisfy { $0.count == 10 })
    }

    @Test func aReopenedStoreStartsNewSegments() throws {
        let folder = try TemporaryDirectory()
        let frames = TestFrames.stream(count: 20)
        do {
            let store = try ReplayStore(directory: folder.store)
            for frame in frames[..<10] { try store.append(frame) }
        }
        do {
            let store = try ReplayStore(directory: folder.store)
            for frame in frames[10...] { try store.append(frame) }
        }
        let files = try FileManager.default.segments(of: "cam01", in: folder.store).map(\.lastPathComponent)
        #expect(files == ["00000000000001000000-00000000.vseg", "00000000000001333330-00000001.vseg"])
        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(try store.index(camera: "cam01").map { try store.frame(at: $0) } == frames)
    }
}

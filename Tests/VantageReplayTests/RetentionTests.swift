import Foundation
import Testing
@testable import VantageReplay

struct RetentionTests {
    @Test func retentionDeletesWholeOldSegmentsOnly() throws {
        let folder = try TemporaryDirectory()
        let options = ReplayStoreOptions(retentionSeconds: 1, segmentMaxSeconds: 0.25)
        let store = try ReplayStore(directory: folder.store, options: options)
        // Three seconds at 20 frames per second, every frame a keyframe; two cameras.
        for index in 0..<60 {
            for camera in ["cam01", "cam02"] {
                try store.append(TestFrames.raw(camera: camera, sequence: UInt64(index), captureMicroseconds: Int64(index) * 50_000))
            }
        }
        let newest: Int64 = 59 * 50_000
        for camera in ["cam01", "cam02"] {
            let index = store.index(camera: camera)
            let bySegment = Dictionary(grouping: index, by: \.segment)
            // Every remaining segment still holds a frame inside the last second…
            #expect(bySegment.values.allSatisfy { $0.map(\.captureMicroseconds).max()! >= newest - 1_000_000 })
            // …and is whole: five frames per quarter second (the newest may still be filling).
            #expect(bySegment.values.filter { $0.count != 5 }.count <= 1, "\(bySegment.mapValues(\.count))")
            // The frames kept are a contiguous run ending with the newest.
            let times = index.map(\.captureMicroseconds)
            #expect(times == Array(stride(from: times.first!, through: newest, by: 50_000)))
            #expect(times.first! <= newest - 1_000_000, "no frame inside the retention window was deleted")
            let files = try FileManager.default.segments(of: camera, in: folder.store).map(\.lastPathComponent)
            #expect(files == bySegment.keys.sorted())
            #expect(try index.map { try store.frame(at: $0) }.count == index.count)
        }
    }

    @Test func reopeningWithShorterRetentionDeletesOnOpen() throws {
        let folder = try TemporaryDirectory()
        do {
            let store = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(segmentMaxSeconds: 1))
            for frame in TestFrames.stream(count: 100, start: 0, interval: 100_000, gop: 10) { try store.append(frame) }
        }
        #expect(try FileManager.default.segments(of: "cam01", in: folder.store).count == 10)
        // A read-only open never deletes.
        let readOnly = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(retentionSeconds: 2), access: .readOnly)
        #expect(readOnly.index(camera: "cam01").count == 100)
        let store = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(retentionSeconds: 2))
        // Newest frame at 9.9 s: segments whose newest frame is before 7.9 s go (the seven up to 6.9 s);
        // the one from 7.0 to 7.9 s stays whole.
        #expect(try FileManager.default.segments(of: "cam01", in: folder.store).count == 3)
        #expect(store.captureTimes(camera: "cam01").first == 7_000_000)
    }
}

import Foundation
import Testing
import VantageTransport
@testable import VantageReplay

struct StoreRoundTripTests {
    @Test func framesReadBackByteIdenticalAfterReopening() throws {
        let folder = try TemporaryDirectory()
        let cam01 = TestFrames.stream(camera: "cam01", count: 30)
        let cam02 = (0..<30).map { TestFrames.raw(camera: "cam02", sequence: UInt64($0), captureMicroseconds: 1_000_500 + Int64($0) * 33_333) }
        do {
            let store = try ReplayStore(directory: folder.store)
            for (a, b) in zip(cam01, cam02) {
                try store.append(a)
                try store.append(b)
            }
            try store.close()
        }
        let reopened = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(reopened.damage.isEmpty)
        #expect(reopened.cameras == ["cam01", "cam02"])
        for (camera, frames) in [("cam01", cam01), ("cam02", cam02)] {
            let index = reopened.index(camera: camera)
            #expect(index.map(\.sequence) == frames.map(\.header.sequence), "decode order is append order")
            #expect(try index.map { try reopened.frame(at: $0) } == frames)
            #expect(reopened.captureTimes(camera: camera) == frames.map(\.header.captureMicroseconds))
        }
    }

    @Test func nearestFrameByCaptureTime() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store)
        // Capture times 1 000 000, 1 033 333, …; appended out of capture order like B-frames.
        let frames = TestFrames.stream(count: 6)
        for index in [0, 2, 1, 3, 5, 4] { try store.append(frames[index]) }
        #expect(try store.frame(camera: "cam01", nearest: 1_033_333) == frames[1])
        #expect(try store.frame(camera: "cam01", nearest: 1_040_000) == frames[1])
        #expect(try store.frame(camera: "cam01", nearest: 1_060_000) == frames[2])
        #expect(try store.frame(camera: "cam01", nearest: 0) == frames[0], "before the first frame")
        #expect(try store.frame(camera: "cam01", nearest: 9_000_000) == frames[5], "after the last frame")
        #expect(store.entry(camera: "cam01", nearest: 1_016_666)?.sequence == 0, "16 666 µs after frame 0, 16 667 before frame 1")
        #expect(store.entry(camera: "cam01", nearest: 1_016_667)?.sequence == 1)
        #expect(try store.frame(camera: "nobody", nearest: 1_000_000) == nil)
        #expect(store.captureTimes(camera: "cam01") == frames.map(\.header.captureMicroseconds))
    }

    @Test func exactlyMidwayTheEarlierFrameWins() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store)
        try store.append(TestFrames.raw(sequence: 0, captureMicroseconds: 1000))
        try store.append(TestFrames.raw(sequence: 1, captureMicroseconds: 1100))
        #expect(store.entry(camera: "cam01", nearest: 1050)?.sequence == 0)
    }

    @Test func storeJSONRecordsTheOptions() throws {
        let folder = try TemporaryDirectory()
        let options = ReplayStoreOptions(retentionSeconds: 30, segmentMaxBytes: 1 << 20, segmentMaxSeconds: 2, decodedCacheBytes: 1 << 20)
        _ = try ReplayStore(directory: folder.store, options: options)
        #expect(try ReplayStore(directory: folder.store, access: .readOnly).options == options)
        let text = try String(contentsOf: folder.store.appendingPathComponent("store.json"), encoding: .utf8)
        #expect(text.contains("\"format\" : 1"), "\(text)")
    }

    @Test func readOnlyStoreRefusesToAppend() throws {
        let folder = try TemporaryDirectory()
        _ = try ReplayStore(directory: folder.store)
        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(throws: ReplayError.self) { try store.append(TestFrames.raw(sequence: 0, captureMicroseconds: 0)) }
    }

    @Test func inconsistentFrameIsRefused() throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store)
        var frame = TestFrames.raw(sequence: 0, captureMicroseconds: 0)
        frame.payload.removeLast()
        let error = try #require(throws: ReplayError.self) { try store.append(frame) }
        #expect(error.kind == .invalidFrame && error.message.contains("test-rig/cam01"), "\(error)")
        #expect(store.index(camera: "cam01").isEmpty)
    }

    @Test func optionsOutOfRangeAreNamed() {
        let error = #expect(throws: ReplayError.self) { try ReplayStoreOptions(retentionSeconds: 0).validate() }
        #expect(error?.message.hasPrefix("retentionSeconds") == true)
        #expect(throws: ReplayError.self) { try ReplayStoreOptions(segmentMaxBytes: 10).validate() }
        #expect(throws: ReplayError.self) { try ReplayStoreOptions(segmentMaxSeconds: .nan).validate() }
    }

    @Test func crc32OfTheCheckString() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        let whole = CRC32.checksum(Array("hello world".utf8))
        #expect(CRC32.checksum(Array(" world".utf8), continuing: CRC32.checksum(Array("hello".utf8))) == whole)
        #expect(CRC32.checksum([]) == 0)
    }

    /// The eight-bytes-at-a-time CRC against the bit-at-a-time definition, at every length and alignment up to 40.
    @Test func crc32MatchesTheBitwiseDefinition() {
        func reference(_ bytes: ArraySlice<UInt8>) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        let bytes = (0..<48).map { UInt8(truncatingIfNeeded: $0 * 97 + 13) }
        for start in 0..<8 {
            for end in start...(start + 40) {
                let slice = bytes[start..<end]
                #expect(slice.withUnsafeBytes { CRC32.checksum($0) } == reference(slice), "bytes \(start)..<\(end)")
            }
        }
    }

    @Test func oneWriterAndConcurrentReaders() async throws {
        let folder = try TemporaryDirectory()
        let store = try ReplayStore(directory: folder.store, options: ReplayStoreOptions(segmentMaxBytes: 8192))
        let frames = TestFrames.stream(count: 300)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for frame in frames { try store.append(frame) }
            }
            for reader in 0..<3 {
                group.addTask {
                    for round in 0..<200 {
                        let time = 1_000_000 + Int64((round * 7 + reader) % 300) * 33_333
                        guard let frame = try store.frame(camera: "cam01", nearest: time) else { continue }
                        #expect(frames[Int(frame.header.sequence)] == frame)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(store.index(camera: "cam01").count == 300)
    }
}

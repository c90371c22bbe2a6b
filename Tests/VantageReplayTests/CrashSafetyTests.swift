import Foundation
import Testing
import VantageTransport
@testable import VantageReplay

/// A writer killed with SIGKILL leaves its last record cut short at any byte. There is no child
/// process target to kill here, so the tests cut the file exactly as such a kill would.
struct CrashSafetyTests {
    /// Writes 20 frames into one segment without closing the store (as a killed writer would
    /// leave it) and returns the frames, the segment and the offset of each record.
    private func recordedStore(_ folder: TemporaryDirectory) throws -> (frames: [WireFrame], segment: URL, offsets: [Int]) {
        let frames = TestFrames.stream(count: 20)
        let store = try ReplayStore(directory: folder.store)
        for frame in frames { try store.append(frame) }
        let index = store.index(camera: "cam01")
        let segment = try #require(try FileManager.default.segments(of: "cam01", in: folder.store).first)
        return (frames, segment, index.map(\.offset))
    }

    @Test(arguments: [1, 15, 16, 30, 100, 250, -4, -1])
    func aRecordCutShortIsReportedAndEverythingBeforeItReads(cut: Int) throws {
        let folder = try TemporaryDirectory()
        let (frames, segment, offsets) = try recordedStore(folder)
        let recordLength = offsets[16] - offsets[15]
        let keep = offsets[15] + (cut > 0 ? cut : recordLength + cut)
        try Data(try Data(contentsOf: segment).prefix(keep)).write(to: segment)

        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(try store.index(camera: "cam01").map { try store.frame(at: $0) } == Array(frames[..<15]))
        #expect(store.damage == [SegmentDamage(file: segment.path, offset: offsets[15], length: keep - offsets[15],
                                               reason: store.damage.first?.reason ?? "")])
        #expect(store.damage.first?.reason.hasPrefix("truncated") == true, "\(store.damage)")
    }

    @Test func afterDamageNewFramesGoToANewSegmentAndTheDamagedBytesStay() throws {
        let folder = try TemporaryDirectory()
        let (frames, segment, offsets) = try recordedStore(folder)
        let cut = offsets[15] + 40
        try Data(try Data(contentsOf: segment).prefix(cut)).write(to: segment)

        let more = TestFrames.stream(count: 25).suffix(5)
        do {
            let store = try ReplayStore(directory: folder.store)
            #expect(store.damage.count == 1)
            for frame in more { try store.append(frame) }
            try store.close()
        }
        #expect(try FileManager.default.size(segment) == cut, "the damaged segment is neither repaired nor appended to")
        #expect(try FileManager.default.segments(of: "cam01", in: folder.store).count == 2)
        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(store.damage.map(\.offset) == [offsets[15]])
        #expect(try store.index(camera: "cam01").map { try store.frame(at: $0) } == Array(frames[..<15]) + more)
    }

    @Test func aFlippedByteCostsOnlyItsRecord() throws {
        let folder = try TemporaryDirectory()
        let (frames, segment, offsets) = try recordedStore(folder)
        // Inside the payload, inside the header, on the magic, on a length field.
        for (record, byteInRecord, reason) in [(5, 200, "CRC-32 mismatch"), (8, 40, "CRC-32 mismatch"),
                                               (11, 0, "expected the record magic"), (14, 13, "truncated")] {
            var bytes = try Data(contentsOf: segment)
            bytes[offsets[record] + byteInRecord] ^= 0x5A
            try bytes.write(to: segment)
            let store = try ReplayStore(directory: folder.store, access: .readOnly)
            let damage = try #require(store.damage.last)
            #expect(damage.file == segment.path && damage.offset == offsets[record], "\(store.damage)")
            #expect(damage.length == offsets[record + 1] - offsets[record])
            #expect(damage.reason.contains(reason), "\(damage)")
        }
        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(store.damage.count == 4)
        let lost: Set<Int> = [5, 8, 11, 14]
        let expected = frames.indices.filter { !lost.contains($0) }.map { frames[$0] }
        #expect(try store.index(camera: "cam01").map { try store.frame(at: $0) } == expected)
    }

    @Test func aFirstRecordCutShortLeavesAnEmptyCamera() throws {
        let folder = try TemporaryDirectory()
        let (_, segment, _) = try recordedStore(folder)
        try Data(try Data(contentsOf: segment).prefix(7)).write(to: segment)
        let store = try ReplayStore(directory: folder.store)
        #expect(store.cameras == ["cam01"] && store.index(camera: "cam01").isEmpty)
        #expect(store.damage.count == 1 && store.damage[0].length == 7)
        try store.append(TestFrames.raw(sequence: 99, captureMicroseconds: 5_000_000))
        #expect(store.index(camera: "cam01").count == 1)
    }

    @Test func aRecordChangedAfterOpeningIsAnErrorOnRead() throws {
        let folder = try TemporaryDirectory()
        let (_, segment, offsets) = try recordedStore(folder)
        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        var bytes = try Data(contentsOf: segment)
        bytes[offsets[3] + 100] ^= 1
        try bytes.write(to: segment)
        let entry = store.index(camera: "cam01")[3]
        let error = try #require(throws: ReplayError.self) { try store.frame(at: entry) }
        #expect(error.kind == .corruptRecord && error.message.contains(segment.path) && error.message.contains("byte \(offsets[3])"))
    }
}

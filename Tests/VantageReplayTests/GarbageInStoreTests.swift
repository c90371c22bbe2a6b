import Foundation
import Testing
@testable import VantageReplay

struct GarbageInStoreTests {
    private func storeWithFrames(_ folder: TemporaryDirectory) throws {
        let store = try ReplayStore(directory: folder.store)
        for frame in TestFrames.stream(count: 10) { try store.append(frame) }
        try store.close()
    }

    @Test func strayFilesAreCountedAsDamageAndLeftAlone() throws {
        let folder = try TemporaryDirectory()
        try storeWithFrames(folder)
        let notes = folder.store.appendingPathComponent("notes.txt")
        let copy = folder.store.appendingPathComponent("cam01/segment-copy.bak")
        try Data("hello".utf8).write(to: notes)
        try Data(repeating: 0xAB, count: 99).write(to: copy)
        try Data().write(to: folder.store.appendingPathComponent("cam01/.DS_Store"))

        let store = try ReplayStore(directory: folder.store)
        #expect(store.index(camera: "cam01").count == 10)
        #expect(Set(store.damage.map(\.file)) == [notes.path, copy.path])
        #expect(store.damage.first { $0.file == copy.path }?.length == 99)
        #expect(store.damage.allSatisfy { $0.reason.contains("left untouched") })
        #expect(FileManager.default.fileExists(atPath: notes.path) && FileManager.default.fileExists(atPath: copy.path))
    }

    @Test func anEmptySegmentIsHarmless() throws {
        let folder = try TemporaryDirectory()
        try storeWithFrames(folder)
        try Data().write(to: folder.store.appendingPathComponent("cam01/00000000000009000000-00000007.vseg"))
        try FileManager.default.createDirectory(at: folder.store.appendingPathComponent("cam02"), withIntermediateDirectories: true)
        try Data().write(to: folder.store.appendingPathComponent("cam02/00000000000000000000-00000000.vseg"))
        let store = try ReplayStore(directory: folder.store)
        #expect(store.damage.isEmpty)
        #expect(store.cameras == ["cam01", "cam02"])
        #expect(store.index(camera: "cam01").count == 10 && store.index(camera: "cam02").isEmpty)
        // New segments continue the counter after the empty one's.
        try store.append(TestFrames.raw(sequence: 10, captureMicroseconds: 2_000_000))
        #expect(store.index(camera: "cam01").last?.segment.hasSuffix("-00000008.vseg") == true)
    }

    @Test func aSegmentOfGarbageIsOneDamageEntry() throws {
        let folder = try TemporaryDirectory()
        try storeWithFrames(folder)
        let garbage = folder.store.appendingPathComponent("cam01/00000000000009000000-00000009.vseg")
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 * 37) }).write(to: garbage)
        let store = try ReplayStore(directory: folder.store, access: .readOnly)
        #expect(store.damage == [SegmentDamage(file: garbage.path, offset: 0, length: 5000, reason: "expected the record magic \"VREC\"")])
        #expect(store.index(camera: "cam01").count == 10)
    }

    @Test(arguments: [
        ("{ not json", "not valid JSON"),
        ("{\"format\": 1, \"created\": \"x\"}", "missing field options"),
        ("{\"format\": 1, \"created\": \"x\", \"options\": {\"retentionSeconds\": \"ten\", \"segmentMaxBytes\": 4096, \"segmentMaxSeconds\": 1, \"decodedCacheBytes\": 0}}", "options.retentionSeconds"),
        ("{\"format\": 1, \"created\": \"x\", \"options\": {\"retentionSeconds\": -1, \"segmentMaxBytes\": 4096, \"segmentMaxSeconds\": 1, \"decodedCacheBytes\": 0}}", "options.retentionSeconds: expected a positive"),
        ("{\"format\": 2, \"created\": \"x\", \"options\": {}}", "missing field options.retentionSeconds"),
    ])
    func aBadStoreJSONIsAClearError(text: String, expected: String) throws {
        let folder = try TemporaryDirectory()
        try storeWithFrames(folder)
        let manifest = folder.store.appendingPathComponent("store.json")
        try Data(text.utf8).write(to: manifest)
        let error = try #require(throws: ReplayError.self) { try ReplayStore(directory: folder.store, access: .readOnly) }
        #expect(error.message.hasPrefix(manifest.path) && error.message.contains(expected), "\(error)")
        #expect(throws: ReplayError.self) { try ReplayStore(directory: folder.store) }
    }

    @Test func aStoreOfAnotherFormatIsRefused() throws {
        let folder = try TemporaryDirectory()
        try storeWithFrames(folder)
        let manifest = folder.store.appendingPathComponent("store.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 2")
        try Data(text.utf8).write(to: manifest)
        let error = try #require(throws: ReplayError.self) { try ReplayStore(directory: folder.store) }
        #expect(error.kind == .notAStore && error.message.contains("format 2"), "\(error)")
    }

    @Test func foldersThatAreNotStores() throws {
        let folder = try TemporaryDirectory()
        let missing = folder.url.appendingPathComponent("missing")
        let readMissing = try #require(throws: ReplayError.self) { try ReplayStore(directory: missing, access: .readOnly) }
        #expect(readMissing.kind == .notAStore && readMissing.message.contains(missing.path))
        #expect(!FileManager.default.fileExists(atPath: missing.path), "a read-only open creates nothing")

        let busy = folder.url.appendingPathComponent("busy")
        try FileManager.default.createDirectory(at: busy, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: busy.appendingPathComponent("photo.jpg"))
        let writeBusy = try #require(throws: ReplayError.self) { try ReplayStore(directory: busy) }
        #expect(writeBusy.message.contains("not empty"), "\(writeBusy)")

        let file = busy.appendingPathComponent("photo.jpg")
        #expect(throws: ReplayError.self) { try ReplayStore(directory: file, access: .readOnly) }

        let empty = folder.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        _ = try ReplayStore(directory: empty)
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("store.json").path))
    }
}

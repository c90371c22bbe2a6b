import Foundation
import Testing
import VantageMedia
import VantageReplay
import VantageTransport

struct StoreCommandTests {
    /// A store of two cameras at 10 frames per second for 3 seconds; cam02 misses 0.5 s to 1.0 s.
    private func writeStore(in folder: URL) throws -> URL {
        let directory = folder.appendingPathComponent("store")
        let store = try ReplayStore(directory: directory, options: ReplayStoreOptions(segmentMaxSeconds: 1))
        for index in 0..<30 {
            for camera in ["cam01", "cam02"] where camera == "cam01" || !(5..<10).contains(index) {
                let capture = 1_000_000 + Int64(index) * 100_000 + (camera == "cam02" ? 2_000 : 0)
                let header = FrameHeader(
                    rig: "cli-test", camera: camera, streamID: 1, sequence: UInt64(index), captureMicroseconds: capture,
                    presentationTimestamp: Int64(index), decodeTimestamp: Int64(index), duration: 1, timeBase: MediaRational(1, 10),
                    isKeyframe: true, width: 4, height: 2, pixelFormatName: "rgb24",
                    payload: .raw(planes: [RawPlane(bytesPerRow: 12, rows: 2)]), payloadLength: 24)
                try store.append(WireFrame(header: header, payload: [UInt8](repeating: UInt8(index), count: 24)))
            }
        }
        try store.close()
        return directory
    }

    @Test func infoJSONCountsFramesGapsAndMoments() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try writeStore(in: folder)
        let run = try CLI.run(["store", "info", store.path, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let cameras = try #require(root["cameras"] as? [[String: Any]])
        #expect(cameras.map { $0["camera"] as? String } == ["cam01", "cam02"])
        #expect(cameras.map { $0["frames"] as? Int } == [30, 25])
        #expect(cameras.map { $0["keyframes"] as? Int } == [30, 25])
        #expect(cameras.map { $0["gaps"] as? Int } == [0, 1])
        #expect(cameras[1]["largestGapMicroseconds"] as? Int == 600_000)
        #expect(root["firstCaptureMicroseconds"] as? Int == 1_000_000 && root["lastCaptureMicroseconds"] as? Int == 3_902_000)
        let sync = try #require(root["sync"] as? [String: Any])
        #expect(sync["moments"] as? Int == 30 && sync["completeMoments"] as? Int == 25)
        #expect(sync["maxSpreadMicroseconds"] as? Int == 2_000)
        #expect(root["toleranceMicroseconds"] as? Int == 50_000, "half the median interval")
        #expect((root["damage"] as? [Any])?.isEmpty == true)
        // A tight tolerance splits every moment in two.
        let tight = try CLI.run(["store", "info", store.path, "--json", "--tolerance-ms", "0.5"])
        let tightSync = try #require((try JSONSerialization.jsonObject(with: Data(tight.standardOutput.utf8)) as? [String: Any])?["sync"] as? [String: Any])
        #expect(tightSync["completeMoments"] as? Int == 0 && tightSync["moments"] as? Int == 55)
    }

    @Test func infoTableListsCamerasAndDamage() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try writeStore(in: folder)
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("cam01").path).sorted().last)
        let handle = try FileHandle(forWritingTo: store.appendingPathComponent("cam01").appendingPathComponent(segment))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("VREC torn".utf8))
        try handle.close()
        let run = try CLI.run(["store", "info", store.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty, "damage is in the report, not logged: \(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Replay store \(store.path): 2 cameras, 55 frames") == true, "\(run.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("cam02") && $0.contains(" 25 ") })
        #expect(run.standardOutput.contains("Moments (tolerance 50.0 ms): 30, 25 complete"))
        #expect(run.standardOutput.contains("Damage: 1 stretches, 9 bytes unreadable"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains(segment))
    }

    @Test func aMissingOrForeignFolderIsOneErrorLine() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-store").path
        let run = try CLI.run(["store", "info", missing])
        #expect(run.status != 0 && run.standardOutput.isEmpty)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(missing) && lines[0].contains("no replay store"), "\(run.standardError)")
        let foreign = try CLI.run(["store", "info", folder.path])
        #expect(foreign.status != 0)
        #expect(foreign.standardError.split(separator: "\n").count == 1 && foreign.standardError.contains("no store.json"), "\(foreign.standardError)")
        #expect(!FileManager.default.fileExists(atPath: missing), "inspecting creates nothing")
    }
}

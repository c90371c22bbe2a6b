import Foundation
import Testing
import VantageMedia
import VantageReplay

/// `vantage ingest` and `vantage record` as separate processes over TCP on 127.0.0.1, as a
/// stadium would run them, with the replay store checked afterwards.
@Suite(.serialized) struct IngestRecordCommandTests {
    private var pose2sim: String { CLI.sharedData.appendingPathComponent("pose2sim-single/calibration/Calib.qca.txt").path }
    private var caliscope: String { CLI.sharedData.appendingPathComponent("caliscope-charuco/camera_array.toml").path }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Records everything `ingest` publishes of `rig` into `store`; returns both runs.
    private func ingestAndRecord(rig: String, store: URL, ingestArguments: [String] = []) throws -> (ingest: CLIRun, record: CLIRun) {
        let endpoint = "tcp://127.0.0.1:\(CLI.freePort())"
        let recorder = try BackgroundCLI(["record", "--subscribe", endpoint, "--store", store.path, "--rig", rig, "--until-idle", "3", "--json"])
        let ingest = try CLI.run(["ingest", "--rig", rig, "--all", "--publish", endpoint, "--json"] + ingestArguments)
        return (ingest, recorder.finish())
    }

    @Test(.enabled(if: CLI.hasSharedData, "needs ../shared/data"))
    func pose2simBecomesAStoreOfByteIdenticalPacketsAndCompleteMoments() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")
        let (ingest, record) = try ingestAndRecord(rig: pose2sim, store: store)
        #expect(ingest.status == 0, "\(ingest.standardError)")
        #expect(record.status == 0, "\(record.standardError)")
        #expect(try json(ingest.standardOutput)["cameras"] as? [Any] != nil)

        let info = try CLI.run(["store", "info", store.path, "--json"])
        #expect(info.status == 0, "\(info.standardError)")
        let summary = try json(info.standardOutput)
        let sync = try #require(summary["sync"] as? [String: Any])
        #expect(sync["completeMoments"] as? Int == 100)
        #expect((summary["cameras"] as? [[String: Any]])?.map { $0["frames"] as? Int } == [100, 100, 100, 100])

        let opened = try ReplayStore(directory: store, access: .readOnly)
        for camera in ["cam01", "cam02", "cam03", "cam04"] {
            let reader = try PacketReader(CLI.sharedData.appendingPathComponent("pose2sim-single/videos/\(camera).mp4").path)
            var packets: [[UInt8]] = []
            while let packet = try reader.nextPacket() { packets.append(packet.data) }
            let stored = try opened.index(camera: camera).map { try opened.frame(at: $0).payload }
            #expect(stored.count == 100 && stored == packets, "\(camera): stored packets differ from the file's")
        }
    }

    @Test(.enabled(if: CLI.hasSharedData, "needs ../shared/data"))
    func caliscopeWebcamsAreGroupedByTheirTimestampsWithTheSpreadReported() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")
        let (ingest, record) = try ingestAndRecord(rig: caliscope, store: store)
        #expect(ingest.status == 0 && record.status == 0, "\(ingest.standardError)\n\(record.standardError)")
        let info = try CLI.run(["store", "info", store.path])
        #expect(info.status == 0)
        #expect(info.standardOutput.contains("111 complete"), "\(info.standardOutput)")
        let sync = try #require(try json(CLI.run(["store", "info", store.path, "--json"]).standardOutput)["sync"] as? [String: Any])
        let maxSpread = try #require(sync["maxSpreadMicroseconds"] as? Int)
        #expect(maxSpread > 30_000 && maxSpread < 50_000)
    }

    @Test(.enabled(if: CLI.hasSharedData, "needs ../shared/data"))
    func aRecorderKilledMidRecordingLeavesAStoreThatOpensAndGrowsAgain() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")
        let endpoint = "tcp://127.0.0.1:\(CLI.freePort())"
        let ingest = try BackgroundCLI(["ingest", "--rig", pose2sim, "--all", "--publish", endpoint, "--realtime", "--loop"])
        let recorder = try BackgroundCLI(["record", "--subscribe", endpoint, "--store", store.path])
        Thread.sleep(forTimeInterval: 4)
        recorder.signal(SIGKILL)
        _ = recorder.finish()
        ingest.signal(SIGTERM)
        let stoppedIngest = ingest.finish()
        #expect(stoppedIngest.status == 0, "ingest did not stop cleanly on SIGTERM: \(stoppedIngest.standardError)")

        let afterKill = try ReplayStore(directory: store, access: .readOnly)
        let framesAfterKill = afterKill.cameras.reduce(0) { $0 + afterKill.index(camera: $1).count }
        #expect(framesAfterKill > 0)
        for camera in afterKill.cameras {
            for entry in afterKill.index(camera: camera) { _ = try afterKill.frame(at: entry) }
        }
        let info = try CLI.run(["store", "info", store.path])
        #expect(info.status == 0, "store info failed after SIGKILL: \(info.standardError)")

        let (_, record) = try ingestAndRecord(rig: pose2sim, store: store)
        #expect(record.status == 0, "\(record.standardError)")
        let reopened = try ReplayStore(directory: store, access: .readOnly)
        #expect(reopened.cameras.reduce(0) { $0 + reopened.index(camera: $1).count } >= framesAfterKill + 400)
        #expect(reopened.damage == afterKill.damage)
    }

    @Test(.enabled(if: CLI.hasSharedData, "needs ../shared/data"))
    func curveLetsTheAllowedNodeInAndRefusesAStranger() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["recorder", "north", "stranger"] {
            #expect(try CLI.run(["keys", "generate", "--name", name, "--output", folder.path]).status == 0)
        }
        let key = { (name: String) in folder.appendingPathComponent(name).path }
        let trusted = "tcp://127.0.0.1:\(CLI.freePort())", intruder = "tcp://127.0.0.1:\(CLI.freePort())"
        let recorder = try BackgroundCLI(["record", "--subscribe", trusted, "--subscribe", intruder, "--store", key("store"),
                                          "--curve-secret", key("recorder.key_secret"), "--curve-allow", key("north.key"),
                                          "--until-idle", "4", "--report-every", "0.5", "--json"])
        let refused = try CLI.run(["ingest", "--rig", pose2sim, "--camera", "cam02", "--publish", intruder, "--wait-for-subscriber", "2",
                                   "--curve-secret", key("stranger.key_secret"), "--curve-server", key("recorder.key")])
        #expect(refused.standardError.contains("no subscriber"), "\(refused.standardError)")
        let allowed = try CLI.run(["ingest", "--rig", pose2sim, "--camera", "cam01", "--publish", trusted,
                                   "--curve-secret", key("north.key_secret"), "--curve-server", key("recorder.key")])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        let record = recorder.finish()
        #expect(record.status == 0, "\(record.standardError)")
        let report = try #require(try json(record.standardOutput)["report"] as? [String: Any])
        #expect(report["framesWritten"] as? Int == 100)
        #expect((report["refusedPeers"] as? Int ?? 0) >= 1)
        #expect(record.standardError.contains("refused a CURVE peer"))
        #expect(record.standardError.contains("cam01:") && record.standardError.contains("fps"), "no metric lines: \(record.standardError)")
    }

    @Test func sigintStopsTheRecorderWithItsSummary() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recorder = try BackgroundCLI(["record", "--subscribe", "tcp://127.0.0.1:\(CLI.freePort())", "--store", folder.appendingPathComponent("store").path])
        Thread.sleep(forTimeInterval: 1)
        recorder.signal(SIGINT)
        let run = recorder.finish(within: 10)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("stopped by SIGINT"), "\(run.standardOutput)")
    }

    @Test func badArgumentsGiveOneClearLine() throws {
        let unknownCamera = try CLI.run(["ingest", "--rig", "Calibration/stadium.json", "--camera", "cam99", "--publish", "tcp://127.0.0.1:*"])
        #expect(unknownCamera.status != 0)
        #expect(unknownCamera.standardError.contains("cam99"))
        let noEndpoint = try CLI.run(["record", "--store", "/tmp/nowhere"])
        #expect(noEndpoint.status != 0)
        #expect(noEndpoint.standardError.contains("--subscribe"))
        let badKey = try CLI.run(["record", "--subscribe", "tcp://127.0.0.1:1", "--store", "/tmp/nowhere", "--curve-secret", "/nonexistent.key_secret", "--curve-allow", "/nonexistent.key"])
        #expect(badKey.status != 0)
        #expect(badKey.standardError.contains("/nonexistent.key_secret"))
        let badEndpoint = try CLI.run(["ingest", "--rig", "Calibration/stadium.json", "--all", "--publish", "nonsense"])
        #expect(badEndpoint.status != 0)
    }

    @Test func keysGenerateWritesACertificatePairThatRecordAccepts() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["keys", "generate", "--name", "recorder", "--output", folder.path, "--json"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("recorder.key_secret").path))
        let again = try CLI.run(["keys", "generate", "--name", "recorder", "--output", folder.path])
        #expect(again.status != 0 && again.standardError.contains("--overwrite"))
    }
}

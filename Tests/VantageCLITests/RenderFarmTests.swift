import Foundation
import Testing
import VantageMedia

/// `vantage render-path --farm` with real `vantage worker` processes on 127.0.0.1, one of them
/// SIGKILLed mid-render, compared frame by frame with a local render of the same path.
@Suite(.serialized) struct RenderFarmTests {
    /// A port P with P + 1 also free (work on P, results on P + 1).
    private static func portPair() throws -> Int {
        for _ in 0..<50 {
            let port = CLI.freePort()
            guard port < 65534 else { continue }
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(listener) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port + 1).bigEndian
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            if bound { return port }
        }
        throw CLIError("no pair of free ports on 127.0.0.1")
    }

    /// A 4-camera stadium sample and a 4 s orbit (21 frames at 5 fps: both ends) across its replay.
    private static func sampleAndPath(in folder: URL) throws -> (rig: String, path: String) {
        let sample = folder.appendingPathComponent("sample")
        let made = try CLI.run(["sample", "stadium", "--output", sample.path, "--cameras", "4", "--truth", "0", "--seconds", "1",
                                "--fps", "5", "--size", "320x180", "--depth", "none"])
        guard made.status == 0 else { throw CLIError("sample: \(made.standardError)") }
        let rig = sample.appendingPathComponent("rig.json").path, path = folder.appendingPathComponent("orbit.json").path
        let orbit = try CLI.run(["path", "orbit", "--center", "0,0,0", "--radius", "40", "--height", "15", "--degrees", "90",
                                 "--seconds", "4", "--replay-start", "0", "--replay-speed", "0.2", "--rig", rig, "--output", path])
        guard orbit.status == 0 else { throw CLIError("path orbit: \(orbit.standardError)") }
        return (rig, path)
    }

    private static func decodeAll(_ path: String) throws -> (info: VideoStreamInfo, frames: [RGBImage]) {
        let reader = try MediaReader(path)
        let converter = PixelConverter()
        var frames: [RGBImage] = []
        while let frame = try reader.nextFrame() { frames.append(try converter.rgbImage(from: frame)) }
        return (reader.info, frames)
    }

    /// Waits until `condition` holds or `seconds` pass; returns whether it held.
    private static func wait(_ seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    @Test func aFarmWithAWorkerKilledHalfwayWritesTheSameFramesAsALocalRender() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rig, path) = try Self.sampleAndPath(in: folder)
        let local = folder.appendingPathComponent("local.mp4").path, farmed = folder.appendingPathComponent("farm.mp4").path
        // Lossless H.264: the decoded frames are then exactly the rendered ones. (At the default CRF,
        // two local renders of identical frames already decode differently: see docs/render-farm.md.)
        let common = ["render-path", "--rig", rig, "--path", path, "--size", "160x90", "--fps", "5", "--crf", "0"]
        let localRun = try CLI.run(common + ["--output", local])
        #expect(localRun.status == 0, "\(localRun.standardError)")

        let port = try Self.portPair()
        let endpoint = "tcp://127.0.0.1:\(port)"
        let coordinator = try BackgroundCLI(common + ["--output", farmed, "--farm", endpoint, "--farm-range", "3", "--farm-silence", "3", "--json"])
        let doomed = try BackgroundCLI(["worker", "--connect", endpoint, "--name", "doomed", "--json"])
        // The second worker joins once the first holds work, so that the first surely has some to lose.
        #expect(Self.wait(120) { doomed.outputSoFar.contains("\"event\":\"accepted\"") }, "worker doomed never got work: \(doomed.errorSoFar)")
        let survivor = try BackgroundCLI(["worker", "--connect", endpoint, "--name", "survivor", "--json"])
        let killedMidRender = Self.wait(120) {
            doomed.outputSoFar.components(separatedBy: "\"event\":\"frame\"").count - 1 >= 2 || !coordinator.process.isRunning
        }
        doomed.signal(SIGKILL)
        _ = doomed.finish()
        let render = coordinator.finish(within: 300)
        survivor.signal(SIGTERM)
        let survivorRun = survivor.finish(within: 30)

        #expect(killedMidRender && render.status == 0, "\(render.standardError)")
        #expect(survivorRun.status == 0, "worker did not stop cleanly on SIGTERM: \(survivorRun.standardError)")
        #expect(survivorRun.standardOutput.contains("\"stopReason\""), "\(survivorRun.standardOutput)")
        #expect(render.standardError.contains("sent again"), "the killed worker's range was not redone: \(render.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(render.standardOutput.utf8)) as? [String: Any])
        #expect(summary["frames"] as? Int == 21)

        let (localInfo, localFrames) = try Self.decodeAll(local)
        let (farmInfo, farmFrames) = try Self.decodeAll(farmed)
        #expect(farmFrames.count == 21 && localFrames.count == 21)
        #expect(farmInfo.frameRate == MediaRational(5, 1) && farmInfo.width == 160 && farmInfo.height == 90)
        #expect(abs((farmInfo.durationSeconds ?? 0) - 4.2) < 0.05, "duration \(String(describing: farmInfo.durationSeconds))")
        #expect(farmInfo.durationSeconds == localInfo.durationSeconds)
        let differing = zip(localFrames, farmFrames).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(differing.isEmpty, "frames \(differing) of the farm's clip differ from the local one")
    }

    @Test func withoutWorkersRenderPathFailsInOneLineAndLeavesNoFile() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rig, path) = try Self.sampleAndPath(in: folder)
        let clips = folder.appendingPathComponent("clips")
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        let output = clips.appendingPathComponent("farm.mp4").path
        let run = try CLI.run(["render-path", "--rig", rig, "--path", path, "--size", "160x90", "--fps", "5", "--output", output,
                               "--farm", "tcp://127.0.0.1:\(try Self.portPair())", "--farm-wait", "1"])
        #expect(run.status != 0)
        let errors = run.standardError.split(separator: "\n").filter { $0.hasPrefix("Error:") }
        #expect(errors.count == 1 && errors.first?.contains("vantage worker --connect tcp://127.0.0.1:") == true, "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: clips.path).isEmpty, "a clip or a temporary file was left behind")
    }
}

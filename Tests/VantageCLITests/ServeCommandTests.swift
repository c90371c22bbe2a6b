import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import VantageMedia
import VantageReplay
import VantageTransport

/// `vantage serve` as a user runs it: prints its URLs, answers on them, stops on SIGINT.
@Suite(.serialized) struct ServeCommandTests {
    /// A generated stadium (4 cameras, 2 frames) recorded into a store; returns the rig and the store.
    private func sampleStore(in folder: URL) throws -> (rig: String, store: String) {
        let sample = folder.appendingPathComponent("stadium")
        let generated = try CLI.run(["sample", "stadium", "--output", sample.path, "--cameras", "4", "--truth", "1",
                                     "--seconds", "0.4", "--fps", "5", "--size", "320x180", "--depth", "none"])
        try #require(generated.status == 0, "\(generated.standardError)")
        let directory = folder.appendingPathComponent("store")
        let store = try ReplayStore(directory: directory)
        for camera in ["cam01", "cam02", "cam03", "cam04"] {
            let reader = try PacketReader(sample.appendingPathComponent("\(camera).mp4").path)
            var sequence: UInt64 = 0
            while let packet = try reader.nextPacket() {
                let capture = reader.clock.microsecondsFromStart(try #require(packet.presentationTimestamp))
                var frame = WireFrame(rig: "stadium", camera: camera, captureMicroseconds: capture, packet: packet, parameters: reader.codecParameters)
                frame.header.sequence = sequence
                sequence += 1
                try store.append(frame)
            }
        }
        try store.close()
        return (sample.appendingPathComponent("rig.json").path, directory.path)
    }

    private func get(_ url: String) async throws -> (status: Int, body: Data) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test func servesHealthAndARenderThenStopsOnSIGINT() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rig, store) = try sampleStore(in: folder)
        let port = CLI.freePort()
        let server = try BackgroundCLI(["serve", "--rig", rig, "--store", store, "--http", "127.0.0.1:\(port)"])
        let base = "http://127.0.0.1:\(port)"
        var health: (status: Int, body: Data)?
        for _ in 0..<300 where health == nil {
            health = try? await get("\(base)/health")
            if health == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(health?.status == 200, "\(server.errorSoFar)")
        let rendered = try await get("\(base)/api/render?camera=cam02&time=0.2&width=160&height=90&format=png")
        #expect(rendered.status == 200)
        let image = try ImageIO.decode(Array(rendered.body))
        #expect(image.width == 160 && image.height == 90)
        server.signal(SIGINT)
        let run = server.finish(within: 60)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("listening on \(base)/"))
        #expect(run.standardOutput.contains("\(base)/openapi.yaml"))
        #expect(run.standardOutput.contains("serving rig 'stadium' (4 cameras, 2 moments"))
    }

    /// `vantage demo` records what its ingest node publishes while it serves: the subscriber's
    /// and the caches' counters are in `/metrics` beside the server's own.
    @Test func liveServingExportsIngestAndCacheMetrics() async throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("stadium").path
        let generated = try CLI.run(["sample", "stadium", "--output", sample, "--cameras", "4", "--truth", "0",
                                     "--seconds", "0.4", "--fps", "5", "--size", "320x180", "--depth", "none"])
        try #require(generated.status == 0, "\(generated.standardError)")
        let port = CLI.freePort()
        let demo = try BackgroundCLI(["demo", "--sample", sample, "--store", folder.appendingPathComponent("store").path,
                                      "--http", "127.0.0.1:\(port)"])
        defer { demo.signal(SIGINT); _ = demo.finish(within: 30) }
        let base = "http://127.0.0.1:\(port)"
        var metrics = ""
        for _ in 0..<600 where !metrics.contains("vantage_subscriber_frames_total{camera=\"cam04\"}") {
            try await Task.sleep(for: .milliseconds(100))
            if let answer = try? await get("\(base)/metrics") { metrics = String(decoding: answer.body, as: UTF8.self) }
        }
        for camera in ["cam01", "cam02", "cam03", "cam04"] {
            #expect(metrics.contains("vantage_subscriber_frames_total{camera=\"\(camera)\"}"), "\(demo.errorSoFar)\n\(metrics)")
        }
        #expect(metrics.contains("vantage_subscriber_lost_frames_total") || metrics.contains("vantage_subscriber_bytes_total"))
        let rendered = try await get("\(base)/api/render?camera=cam02&time=0&width=160&height=90")
        #expect(rendered.status == 200)
        let after = String(decoding: try await get("\(base)/metrics").body, as: UTF8.self)
        #expect(after.contains("vantage_cache_misses_total{cache=\"decoded_frames\"}"), "\(after)")
    }

    @Test(arguments: [
        (["--http", "localhost"], "--http localhost: expected host:port"),
        (["--max-render-size", "0x5"], "max render size '0x5'"),
        (["--director-token", "/nonexistent/token"], "--director-token /nonexistent/token: cannot read the file"),
    ])
    func badOptionsAreOneErrorLine(_ extra: [String], _ mention: String) throws {
        let run = try CLI.run(["serve", "--rig", "/nonexistent/rig.json", "--store", "/nonexistent/store"] + extra)
        #expect(run.status != 0)
        #expect(run.standardError.contains(mention), "\(run.standardError)")
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageReplay
import VantageServer

/// A store that a recorder fills while the server runs: a refresh brings the new moments in.
@Suite struct LiveStoreTests {
    @Test func refreshShowsMomentsRecordedAfterTheStart() async throws {
        let fixture = try ServerFixture.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-live-store-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ReplayStore(directory: directory)
        try fixture.record(into: store, packets: 0..<2)
        try store.flush()
        var options = ServerOptions()
        options.depthCacheBytes = 16 << 20
        let service = try RenderService(rig: fixture.rig, store: store, options: options)
        defer { service.shutdown() }
        #expect(service.replayInfo.moments == 2)
        try fixture.record(into: store, packets: 2..<Int.max)
        try store.flush()
        #expect(service.replayInfo.moments == 2, "the snapshot changes only on refresh")
        try await service.refresh()
        #expect(service.replayInfo.moments == 5)
        #expect(abs(service.replayInfo.durationSeconds - 1) < 1e-6)
        let app = VantageHTTPServer.application(service: service, host: "127.0.0.1", port: 0)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                let json = try response.json()
                #expect(json["frames"] as? Int == 5)
            }
        }
    }
}

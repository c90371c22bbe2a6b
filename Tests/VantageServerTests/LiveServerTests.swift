import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageMedia
@testable import VantageServer

/// The server on a real socket on 127.0.0.1.
@Suite struct LiveServerTests {
    @Test func healthAndARenderOverASocket() async throws {
        let fixture = try ServerFixture.get()
        try await ServerFixture.test(.live) { client, service in
            // A first render on cold caches can outlast the test client's fixed 20 s read timeout
            // on a busy machine: warm them outside it.
            let body = try JSONDecoder().decode(RenderBody.self, from: Data(fixture.poseJSON(time: 0, format: "png").utf8))
            let (camera, seconds) = try body.checkedTarget(service: service)
            _ = try await service.render(camera, seconds: seconds, encoding: ImageEncoding(format: "png", quality: nil))
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["status"] as? String == "ok")
            }
            try await client.execute(uri: "/api/render", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(json: fixture.poseJSON(time: 0, format: "png"))) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                let image = try ImageIO.decode(response.bytes)
                #expect(image.width == 160 && image.height == 90 && spread(image) > 10)
            }
        }
    }
}

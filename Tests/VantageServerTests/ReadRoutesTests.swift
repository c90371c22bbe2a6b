import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageServer

/// The read-only routes a viewer uses: health, rig, replay, the API description, metrics.
@Suite struct ReadRoutesTests {
    @Test func healthCountsCamerasAndFrames() async throws {
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["status"] as? String == "ok")
                #expect(json["cameras"] as? Int == 4)
                #expect(json["frames"] as? Int == 5)
                #expect(abs((json["durationSeconds"] as? Double ?? 0) - 1) < 1e-6)
            }
        }
    }

    @Test func rigListsCamerasWithPosesAndIntrinsics() async throws {
        try await ServerFixture.test { client, service in
            try await client.execute(uri: "/api/rig", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["name"] as? String == "stadium")
                let cameras = try #require(json["cameras"] as? [[String: Any]])
                #expect(cameras.count == 4)
                let first = try #require(cameras.first)
                #expect(first["name"] as? String == service.cameras[0].name)
                #expect(first["hasFrames"] as? Bool == true)
                let position = try #require(first["position"] as? [Double])
                let expected = service.cameras[0].centerInWorld
                #expect(position.count == 3 && abs(position[0] - expected.x) < 1e-6 && abs(position[2] - expected.z) < 1e-6)
                let intrinsics = try #require(first["intrinsics"] as? [String: Double])
                #expect(intrinsics["fx"] != nil && intrinsics["cy"] != nil)
                #expect((first["horizontalFieldOfViewDegrees"] as? Double).map { $0 > 1 && $0 < 170 } == true)
                #expect((json["world"] as? [String: Any])?["up"] as? String == "+z")
            }
        }
    }

    @Test func replayGivesTheTimeRangeAndMoments() async throws {
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/api/replay", method: .get) { response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["moments"] as? Int == 5)
                #expect(json["completeMoments"] as? Int == 5)
                #expect(abs((json["framesPerSecond"] as? Double ?? 0) - 5) < 1e-6)
                #expect(json["firstCaptureMicroseconds"] as? Int == 1_000_000)
                #expect(json["lastCaptureMicroseconds"] as? Int == 1_800_000)
            }
        }
    }

    @Test func openAPIDocumentDescribesEveryRoute() async throws {
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/yaml") == true)
                let text = response.text
                #expect(text.hasPrefix("openapi: 3.0"))
                for path in ["/health:", "/api/rig:", "/api/replay:", "/api/render:", "/api/cameras/{name}/frame:", "/api/session:", "/api/stream.ts:", "/api/jobs:",
                             "/openapi.yaml:", "/metrics:"] {
                    #expect(text.contains("  \(path)"), "openapi.yaml lacks \(path)")
                }
            }
        }
    }

    @Test func metricsCountResponsesAndRenders() async throws {
        let fixture = try ServerFixture.get()
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: fixture.poseJSON())) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/cameras/nobody/frame?time=0", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = response.text
                #expect(text.contains("vantage_render_seconds_bucket{kind=\"view\""))
                #expect(text.contains("vantage_render_seconds_count{kind=\"view\"} 1"))
                #expect(text.contains("vantage_http_responses_total{status=\"200\"} 1"))
                #expect(text.contains("vantage_http_responses_total{status=\"404\"} 1"))
                #expect(text.contains("vantage_render_queue_depth"))
                #expect(text.contains("vantage_clients_active_count 1"))
                #expect(text.contains("vantage_http_requests_in_flight_count 1"), "the scrape itself")
                for cache in ["depth", "decoded_frames"] {
                    let misses = text.split(separator: "\n").first { $0.hasPrefix("vantage_cache_misses_total{cache=\"\(cache)\"} ") }
                    #expect(misses.flatMap { Int($0.split(separator: " ").last ?? "") }.map { $0 > 0 } == true, "\(cache): \(text)")
                    #expect(text.contains("vantage_cache_bytes{cache=\"\(cache)\"}"))
                }
            }
        }
    }
}

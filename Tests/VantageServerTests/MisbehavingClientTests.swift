import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageServer

/// Session clients that misbehave on a real socket: they cost the server one session, never its
/// memory or its other clients.
@Suite(.serialized) struct MisbehavingClientTests {
    /// A view request at rest (its own id), full size 1280×720: frames of tens of kilobytes.
    private func request(_ id: Int) throws -> String {
        try ServerFixture.get().poseJSON(time: 0.4, width: 1280, height: 720).replacingOccurrences(of: "{\"time\"", with: "{\"id\": \(id), \"time\"")
    }

    /// Polls `condition` every 50 ms for up to `seconds` (a deadline for liveness, not a timing check).
    private func eventually(within seconds: Double, _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    @Test func aClientThatNeverReadsLosesItsSessionAndNobodyElseWaits() async throws {
        try await ServerFixture.test(.live, options: { $0.sessionSendTimeout = .seconds(2) }) { client, service in
            let port = try #require(client.port)
            let slow = try await RawWebSocket(port: port, path: "/api/session", receiveBuffer: 4096)
            #expect(try await eventually(within: 10) { service.metrics.activeSessions == 1 })
            // It keeps asking and never reads: its frames pile up in the socket until a write stalls.
            var asked = 0
            for id in 1...40 where service.metrics.activeSessions == 1 {
                try? slow.send(text: try request(id))
                asked += 1
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(try await eventually(within: 60) { service.metrics.activeSessions == 0 }, "the stalled session was never closed")
            let text = service.metrics.text()
            #expect(metric("vantage_sessions_closed_slow_total", in: text) == 1, "\(text)")
            let sent = try #require(metric("vantage_session_frames_total", in: text))
            #expect(sent < Double(asked), "every request got a frame (\(sent) of \(asked)): the client was never slow")
            // Others are served as before, while the slow client's socket is still open.
            try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: try ServerFixture.get().poseJSON())) { response in
                #expect(response.status == .ok)
            }
            withExtendedLifetime(slow) {}
        }
    }

    @Test func aClientThatHangsUpMidFrameEndsOnlyItsSession() async throws {
        try await ServerFixture.test(.live) { client, service in
            let port = try #require(client.port)
            let leaving = try await RawWebSocket(port: port, path: "/api/session")
            try leaving.send(text: try request(1))
            // The frame's header, then a little of its picture; then a reset.
            var received: [UInt8] = []
            while received.count < 600 {
                let bytes = try await leaving.read(count: 600 - received.count)
                try #require(!bytes.isEmpty, "the server closed before sending a frame")
                received += bytes
            }
            leaving.abort()
            #expect(try await eventually(within: 30) { service.metrics.activeSessions == 0 }, "the session outlived its client")

            let next = try await RawWebSocket(port: port, path: "/api/session")
            try next.send(text: try request(2))
            let header = try await next.read(count: 200)
            #expect(String(decoding: header, as: UTF8.self).contains("\"id\":2"), "\(String(decoding: header, as: UTF8.self))")
            let text = service.metrics.text()
            #expect(!text.contains("vantage_http_responses_total{status=\"5"), "\(text)")
        }
    }

    /// The value of an unlabelled metric in Prometheus text.
    private func metric(_ name: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix("\(name) ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import Testing
import VantageMedia
import VantageServer
import VantageTransport

/// What a test client saw of a session: each header, and the JPEG that followed it.
private struct SessionTranscript {
    var headers: [[String: Any]] = []
    var images: [RGBImage] = []
}

/// Interactive sessions over a real WebSocket on 127.0.0.1.
@Suite(.serialized) struct SessionTests {
    /// Connects to the session route, sends `messages` at once, and reads until `done` says so of
    /// a frame's header (once its JPEG arrived) or of an error.
    private func session(_ messages: [String], until done: @escaping @Sendable ([String: Any]) -> Bool) async throws -> SessionTranscript {
        let transcript = Locked(SessionTranscript())
        try await ServerFixture.test(.live) { client, _ in
            let port = try #require(client.port)
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/session", logger: Logger(label: "test")) { inbound, outbound, _ in
                for message in messages { try await outbound.write(.text(message)) }
                for try await message in inbound.messages(maxSize: 16 << 20) {
                    switch message {
                    case let .text(text):
                        let header = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                        transcript.withLock { $0.headers.append(header) }
                        // A frame's header is followed by its JPEG; an error header stands alone.
                        if done(header) && header["error"] != nil { return }
                    case let .binary(buffer):
                        let image = try ImageIO.decode(Array(buffer.readableBytesView))
                        transcript.withLock { $0.images.append(image) }
                        if let header = transcript.current.headers.last, done(header) { return }
                    }
                }
            }
        }
        return transcript.current
    }

    @Test func theNewestViewWinsAndTheRestingViewComesAtFullSize() async throws {
        let fixture = try ServerFixture.get()
        let requests = (1...8).map { id in
            fixture.poseJSON(time: 0.4, width: 160, height: 90).replacingOccurrences(of: "{\"time\"", with: "{\"id\": \(id), \"time\"")
        }
        let transcript = try await session(requests) { header in header["id"] as? Int == 8 && header["moving"] as? Bool == false }
        let ids = transcript.headers.compactMap { $0["id"] as? Int }
        #expect(transcript.headers.allSatisfy { $0["error"] == nil }, "\(transcript.headers)")
        #expect(ids.last == 8)
        #expect(Set(ids).count < 8, "every stale request was rendered: \(ids)")
        #expect((transcript.headers.last?["dropped"] as? Int ?? 0) > 0)
        let last = try #require(transcript.images.last)
        #expect(last.width == 160 && last.height == 90)
        let moving = zip(transcript.headers, transcript.images).filter { $0.0["moving"] as? Bool == true }
        #expect(moving.allSatisfy { $0.1.width == 80 && $0.1.height == 45 })
    }

    @Test func badMessagesGetAnErrorAndTheSessionGoesOn() async throws {
        let fixture = try ServerFixture.get()
        let good = fixture.poseJSON(time: 0.4, width: 160, height: 90).replacingOccurrences(of: "{\"time\"", with: "{\"id\": 5, \"time\"")
        let messages = [
            "not json",
            #"{"id": 2, "time": 0.4, "camera": "nope"}"#,
            fixture.poseJSON(width: 100000, height: 90).replacingOccurrences(of: "{\"time\"", with: "{\"id\": 3, \"time\""),
            fixture.poseJSON(time: 999).replacingOccurrences(of: "{\"time\"", with: "{\"id\": 4, \"time\""),
            good,
        ]
        let transcript = try await session(messages) { header in header["id"] as? Int == 5 && header["error"] == nil }
        let errors = transcript.headers.filter { $0["error"] != nil }
        #expect(errors.map { $0["id"] as? Int } == [0, 2, 3, 4])
        #expect((errors[1]["error"] as? String)?.contains("nope") == true)
        #expect((errors[2]["error"] as? String)?.contains("size") == true)
        #expect(transcript.images.last?.width == 160)
    }
}

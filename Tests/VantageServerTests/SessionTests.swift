import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import Testing
import VantageMedia
@testable import VantageServer
import VantageTransport

/// What a test client saw of a session: each header, and the frame's bytes that followed it.
private struct SessionTranscript {
    var headers: [[String: Any]] = []
    var frames: [[UInt8]] = []

    /// The frames as JPEG pictures.
    func images() throws -> [RGBImage] { try frames.map { try ImageIO.decode($0) } }
}

/// Interactive sessions over a real WebSocket on 127.0.0.1.
@Suite(.serialized) struct SessionTests {
    /// Connects to the session route (with `query`), sends `messages` at once, and reads until
    /// `done` says so of a frame's header (once its bytes arrived) or of an error.
    private func session(_ messages: [String], query: String = "", until done: @escaping @Sendable ([String: Any]) -> Bool) async throws -> SessionTranscript {
        let transcript = Locked(SessionTranscript())
        try await ServerFixture.test(.live) { client, _ in
            let port = try #require(client.port)
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/session\(query)", configuration: .init(maxFrameSize: 16 << 20),
                                              logger: Logger(label: "test")) { inbound, outbound, _ in
                for message in messages { try await outbound.write(.text(message)) }
                for try await message in inbound.messages(maxSize: 16 << 20) {
                    switch message {
                    case let .text(text):
                        let header = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                        transcript.withLock { $0.headers.append(header) }
                        // A frame's header is followed by its bytes; an error header stands alone.
                        if done(header) && header["error"] != nil { return }
                    case let .binary(buffer):
                        transcript.withLock { $0.frames.append(Array(buffer.readableBytesView)) }
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
        let images = try transcript.images()
        let last = try #require(images.last)
        #expect(last.width == 160 && last.height == 90)
        let moving = zip(transcript.headers, images).filter { $0.0["moving"] as? Bool == true }
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
        #expect(try transcript.images().last?.width == 160)
    }

    /// A drag: a request every 50 ms, each with its own id. Whatever a render costs, the camera
    /// counts as moving (requests come less than 200 ms apart), so frames are half size; and once
    /// the drag stops, the last view comes at full size.
    @Test func aDragIsMovingHowEverLongRendersTake() async throws {
        let fixture = try ServerFixture.get()
        let headers = Locked<[[String: Any]]>([])
        try await ServerFixture.test(.live) { client, _ in
            let port = try #require(client.port)
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/session", configuration: .init(maxFrameSize: 16 << 20),
                                              logger: Logger(label: "test")) { inbound, outbound, _ in
                let drag = Task {
                    for id in 1...20 {
                        let message = fixture.poseJSON(time: 0.4, width: 640, height: 360).replacingOccurrences(of: "{\"time\"", with: "{\"id\": \(id), \"time\"")
                        try await outbound.write(.text(message))
                        try await Task.sleep(for: .milliseconds(50))
                    }
                }
                for try await message in inbound.messages(maxSize: 16 << 20) {
                    guard case let .text(text) = message,
                          let header = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { continue }
                    headers.withLock { $0.append(header) }
                    if header["id"] as? Int == 20 && header["moving"] as? Bool == false { break }
                }
                try await drag.value
            }
        }
        let seen = headers.current
        #expect(seen.contains { $0["moving"] as? Bool == true && $0["width"] as? Int == 320 }, "no half-size frame during the drag: \(seen)")
        #expect(seen.last?["width"] as? Int == 640 && seen.last?["id"] as? Int == 20)
    }

    /// A render that waited for its turn shows the session's newest request when the turn
    /// comes, not the one it was queued for: the view is where the fan's camera is now.
    @Test func aRenderThatWaitedShowsTheNewestRequest() async throws {
        let fixture = try ServerFixture.get()
        let requests = (1...3).map { id in
            fixture.poseJSON(time: 0.4, width: 160, height: 90).replacingOccurrences(of: "{\"time\"", with: "{\"id\": \(id), \"time\"")
        }
        let headers = Locked<[[String: Any]]>([])
        try await ServerFixture.test(.live) { client, service in
            let port = try #require(client.port)
            let release = DispatchSemaphore(value: 0)
            defer { release.signal() }
            // Another caller holds the render thread until requests 2 and 3 are in.
            let blocker = Task { try await service.thread.run(.takesItsTurn) { release.wait() } }
            while service.queueDepth == 0 { try await Task.sleep(for: .milliseconds(5)) }
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/session", configuration: .init(maxFrameSize: 16 << 20),
                                              logger: Logger(label: "test")) { inbound, outbound, _ in
                try await outbound.write(.text(requests[0]))
                while service.queueDepth < 2 { try await Task.sleep(for: .milliseconds(5)) }
                try await outbound.write(.text(requests[1]))
                try await outbound.write(.text(requests[2]))
                // Messages are read in order, so this one's error says that 2 and 3 are in the mailbox.
                try await outbound.write(.text("not json"))
                for try await message in inbound.messages(maxSize: 16 << 20) {
                    guard case let .text(text) = message,
                          let header = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { continue }
                    if header["error"] != nil, header["id"] as? Int == 0 {
                        release.signal()
                        continue
                    }
                    headers.withLock { $0.append(header) }
                    if header["moving"] as? Bool == false { break }
                }
            }
            try await blocker.value
        }
        let frames = headers.current
        #expect(frames.allSatisfy { $0["error"] == nil }, "\(frames)")
        #expect(frames.map { $0["id"] as? Int } == [3, 3], "the frames answer requests \(frames.map { $0["id"] ?? "?" }), not the newest (3)")
        #expect(frames.first?["moving"] as? Bool == true && frames.first?["width"] as? Int == 80)
        #expect(frames.first?["dropped"] as? Int == 2)
        #expect(frames.last?["width"] as? Int == 160)
    }

    /// With `?codec=h264` the frames are H.264 access units (what the viewer hands to WebCodecs):
    /// one decoder takes them all, across the size change from moving to rest, and the resting
    /// frame looks like the server's JPEG still of the same view.
    @Test func h264SessionsSendAccessUnitsThatDecodeToTheView() async throws {
        let fixture = try ServerFixture.get()
        let requests = (1...4).map { id in
            fixture.poseJSON(time: 0.4, width: 160, height: 90).replacingOccurrences(of: "{\"time\"", with: "{\"id\": \(id), \"time\"")
        }
        let transcript = try await session(requests, query: "?codec=h264") { header in header["id"] as? Int == 4 && header["moving"] as? Bool == false }
        #expect(transcript.headers.allSatisfy { $0["error"] == nil }, "\(transcript.headers)")
        #expect(transcript.headers.allSatisfy { ($0["codec"] as? String)?.hasPrefix("avc1.") == true }, "\(transcript.headers)")
        #expect(transcript.headers.first?["keyframe"] as? Bool == true)
        let timestamps = transcript.headers.compactMap { $0["timestamp"] as? Int }
        #expect(timestamps == timestamps.sorted() && Set(timestamps).count == timestamps.count, "\(timestamps)")

        let decoder = try PacketDecoder(CodecParameters(codecName: "h264", extradata: [], width: 0, height: 0, pixelFormatName: "unknown",
                                                        timeBase: MediaRational(1, 1_000_000)), source: "session")
        let converter = PixelConverter()
        var pictures: [RGBImage] = []
        for (header, unit) in zip(transcript.headers, transcript.frames) {
            let timestamp = Int64(header["timestamp"] as? Int ?? 0)
            let decoded = try decoder.decode(EncodedPacket(data: unit, presentationTimestamp: timestamp, decodeTimestamp: timestamp, duration: 0,
                                                           isKeyframe: header["keyframe"] as? Bool == true))
            #expect(decoded.count == 1, "one picture per access unit, at once")
            for frame in decoded {
                #expect(frame.width == header["width"] as? Int && frame.height == header["height"] as? Int)
                pictures.append(try converter.rgbImage(from: frame))
            }
        }
        let resting = try #require(pictures.last)
        #expect(resting.width == 160 && resting.height == 90)
        let still = try await ServerFixture.withService { service in
            let body = try JSONDecoder().decode(RenderBody.self, from: Data(fixture.poseJSON(time: 0.4, width: 160, height: 90).utf8))
            let (camera, seconds) = try body.checkedTarget(service: service)
            return try await service.render(camera, seconds: seconds, encoding: ImageEncoding(format: "png", quality: nil))
        }
        let ssim = ImageMetrics.ssim(resting, try ImageIO.decode(still.bytes))
        #expect(ssim > 0.8, "the decoded H.264 frame does not look like the still (SSIM \(ssim))")
    }
}

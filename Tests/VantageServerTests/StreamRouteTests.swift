import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageMedia
@testable import VantageServer

/// `GET /api/stream.ts`: a view as MPEG-TS over plain HTTP, read back as a player would.
@Suite(.serialized) struct StreamRouteTests {
    @Test func aCameraPlaysOnceAsMPEGTSWithEveryFrame() async throws {
        try await ServerFixture.test(.live) { client, service in
            let replay = service.replayInfo
            let fps = 5
            let expected = Int((replay.lastFrameStartSeconds * Double(fps)).rounded(.down)) + 1
            // The first frame is cam02's view at replay time 0. The stream is read on a raw socket,
            // which waits as long as frames keep coming: a busy machine renders the whole replay
            // slower than the test client's fixed 20 s read timeout.
            let still = try await service.render(try #require(service.camera(named: "cam02")).resized(to: .init(width: 160, height: 90)),
                                                 seconds: 0, encoding: ImageEncoding(format: "png", quality: nil))
            let player = try RawSocket(port: try #require(client.port))
            try player.sendAll(Array("GET /api/stream.ts?camera=cam02&width=160&height=90&fps=\(fps)&loop=false HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
            let head = try await player.readHead().lowercased()
            #expect(head.hasPrefix("http/1.1 200 ") && head.contains("content-type: video/mp2t"), "\(head)")
            let body = try await player.readBodyToClose(chunked: head.contains("transfer-encoding: chunked"))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID()).ts").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(body).write(to: URL(fileURLWithPath: path))
            let reader = try MediaReader(path)
            #expect(reader.info.codecName == "h264" && reader.info.width == 160 && reader.info.height == 90)
            #expect(reader.info.frameRate == MediaRational(Int32(fps), 1))
            var frames: [RGBImage] = []
            let converter = PixelConverter()
            while let frame = try reader.nextFrame() { frames.append(try converter.rgbImage(from: frame)) }
            #expect(frames.count == expected, "\(frames.count) frames for \(replay.lastFrameStartSeconds) s at \(fps) fps")
            let first = try #require(frames.first)
            let ssim = ImageMetrics.ssim(first, try ImageIO.decode(still.bytes))
            #expect(ssim > 0.8, "the stream's first frame does not look like the still (SSIM \(ssim))")
            let deadline = ContinuousClock.now + .seconds(10)
            while service.metrics.activeStreams > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(service.metrics.activeStreams == 0)
        }
    }

    @Test(arguments: [
        ("camera=cam02&width=161&height=90", "even"),
        ("camera=cam02&fps=0", "fps"),
        ("camera=cam02&fps=61", "fps"),
        ("camera=cam02&seat=1,2,3", "exactly one"),
        ("width=160&height=90", "exactly one"),
        ("seat=1,2", "seat"),
        ("seat=1,2,nan", "seat"),
        ("position=0,-40,10", "lookAt"),
        ("position=0,-40,10&lookAt=0,0,0&fov=0", "horizontalFieldOfViewDegrees"),
        ("camera=cam02&from=0.4&to=0.2", "from"),
        ("camera=cam02&to=999", "to"),
        ("camera=cam02&speed=-1", "speed"),
        ("camera=cam02&speed=0&loop=false", "speed"),
        ("camera=cam02&loop=maybe", "loop"),
        ("camera=cam02&width=100000&height=90", "width"),
    ])
    func badStreamRequestsAre400sNamingTheParameter(_ query: String, _ mention: String) async throws {
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/api/stream.ts?\(query)", method: .get) { response in
                #expect(response.status == .badRequest, "\(query): \(response.status)")
                #expect(response.errorMessage?.contains(mention) == true, "\(query): \(response.errorMessage ?? response.text)")
            }
        }
    }

    @Test func anUnknownCameraIs404() async throws {
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/api/stream.ts?camera=nobody", method: .get) { #expect($0.status == .notFound) }
        }
    }

    /// An endless seat stream whose player hangs up: the stream stops, and the server goes on.
    @Test func aPlayerThatHangsUpEndsOnlyItsStream() async throws {
        try await ServerFixture.test(.live) { client, service in
            let port = try #require(client.port)
            let player = try RawSocket(port: port)
            try player.sendAll(Array("GET /api/stream.ts?seat=0,-60,20&width=160&height=90&fps=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            let head = try await player.readHead()
            #expect(head.hasPrefix("HTTP/1.1 200 ") && head.contains("video/mp2t"), "\(head)")
            var received = 0
            while received < 20_000 {
                let bytes = try await player.read(count: 4096)
                try #require(!bytes.isEmpty, "the stream ended after \(received) bytes")
                received += bytes.count
            }
            #expect(service.metrics.activeStreams == 1)
            player.abort()
            let deadline = ContinuousClock.now + .seconds(30)
            while service.metrics.activeStreams > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(service.metrics.activeStreams == 0, "the stream outlived its player")
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }
}

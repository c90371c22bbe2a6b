import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageGeometry
import VantageMedia
import VantageReplay
import VantageSample
import VantageServer
import VantageTransport

/// A small replay store made once per test run: the synthetic stadium, 4 cameras of 320×180,
/// 5 frames at 5 fps, recorded into a store as the recorder would; plus a truth camera no source has.
struct ServerFixture: Sendable {
    let rig: Rig
    let truthCamera: Camera
    let storeDirectory: URL
    let sampleDirectory: URL

    static let shared: Result<ServerFixture, any Error> = Result { try ServerFixture() }

    static func get() throws -> ServerFixture { try shared.get() }

    /// Where the sample and the store are made; removed when the test process exits.
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vantage-server-tests-\(UUID())")

    private init() throws {
        let folder = Self.folder
        atexit { try? FileManager.default.removeItem(at: ServerFixture.folder) }
        FFmpegLog.setLevel(.quiet)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var options = SampleOptions(output: folder.appendingPathComponent("sample"))
        options.cameras = 4
        options.truthCameras = 1
        options.seconds = 1
        options.framesPerSecond = 5
        options.size = ImageSize(width: 320, height: 180)
        options.depthMaps = .none
        _ = try SampleGenerator.generate(options)
        let rigs = SampleGenerator.rigs(options)
        rig = rigs.sources
        truthCamera = rigs.truths.cameras[0].camera
        sampleDirectory = options.output
        storeDirectory = folder.appendingPathComponent("store")
        let store = try ReplayStore(directory: storeDirectory)
        try record(into: store)
        try store.flush()
    }

    /// Appends the sample's packets (those whose index in decode order is in `packets`) to `store`
    /// as the recorder would, captured at 1 s + their stream time.
    func record(into store: ReplayStore, packets: Range<Int> = 0..<Int.max) throws {
        for rigCamera in rig.cameras {
            let name = rigCamera.camera.name
            let reader = try PacketReader(sampleDirectory.appendingPathComponent(SampleLayout.videoName(name)).path)
            var sequence: UInt64 = 0
            while let packet = try reader.nextPacket() {
                defer { sequence += 1 }
                guard packets.contains(Int(sequence)) else { continue }
                guard let timestamp = packet.presentationTimestamp else { throw ServerError("\(name): a packet without a timestamp") }
                let capture = 1_000_000 + reader.clock.microsecondsFromStart(timestamp)
                var frame = WireFrame(rig: rig.name, camera: name, captureMicroseconds: capture, packet: packet, parameters: reader.codecParameters)
                frame.header.sequence = sequence
                try store.append(frame)
            }
        }
    }

    /// A server over the fixture's store; its render thread stops when `body` returns.
    static func withService<T>(_ configure: (inout ServerOptions) -> Void = { _ in },
                               _ body: (RenderService) async throws -> T) async throws -> T {
        let fixture = try get()
        var options = ServerOptions()
        options.depthCacheBytes = 64 << 20
        configure(&options)
        let service = try RenderService(rig: fixture.rig, storeDirectory: fixture.storeDirectory, options: options)
        defer { service.shutdown() }
        return try await body(service)
    }

    /// Runs `body` against the API through the router (no sockets) or live on 127.0.0.1.
    static func test(_ mode: TestingSetup = .router, options configure: (inout ServerOptions) -> Void = { _ in },
                     _ body: @escaping @Sendable (any TestClientProtocol, RenderService) async throws -> Void) async throws {
        try await withService(configure) { service in
            let app = VantageHTTPServer.application(service: service, host: "127.0.0.1", port: 0)
            try await app.test(mode) { client in try await body(client, service) }
        }
    }

    /// The truth camera as a look-at pose of `width`×`height`, as JSON for `POST /api/render`.
    func poseJSON(time: Double = 0.4, width: Int = 160, height: Int = 90, format: String = "jpeg") -> String {
        let centre = truthCamera.centerInWorld, target = centre + truthCamera.forwardInWorld * 40
        let fov = truthCamera.intrinsics.horizontalFieldOfView(width: truthCamera.size.width) * 180 / .pi
        return """
            {"time": \(time), "pose": {"position": [\(centre.x), \(centre.y), \(centre.z)], "lookAt": [\(target.x), \(target.y), \(target.z)], \
            "up": [0, 0, 1], "horizontalFieldOfViewDegrees": \(fov)}, "size": {"width": \(width), "height": \(height)}, "format": "\(format)"}
            """
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(body.readableBytesView) }

    /// The `error` of a JSON error body.
    var errorMessage: String? {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["error"] as? String
    }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
    }
}

extension ByteBuffer {
    init(json: String) { self.init(string: json) }
}

/// Standard deviation of an image's samples: near 0 for a blank image.
func spread(_ image: RGBImage) -> Double {
    let values = image.pixels.map(Double.init)
    let mean = values.reduce(0, +) / Double(values.count)
    return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageServer

/// Every bad request gets a clear 4xx with a JSON error naming the field, never a 5xx.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var method: HTTPRequest.Method = .post
        var uri = "/api/render"
        var body: String?
        var status: HTTPResponse.Status
        /// Text the error message must contain.
        var mentions: String
        var testDescription: String { label }
    }

    static let pose = #""pose": {"position": [0, -60, 20], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 60}"#
    static let cases: [Case] = [
        Case(label: "malformed JSON", body: #"{"time": 0.2, "camera": "#, status: .badRequest, mentions: "malformed JSON"),
        Case(label: "empty body", body: "", status: .badRequest, mentions: "body"),
        Case(label: "a string for time", body: #"{"time": "soon", "camera": "cam01"}"#, status: .badRequest, mentions: "time"),
        Case(label: "no time", body: #"{"camera": "cam01"}"#, status: .badRequest, mentions: "time"),
        Case(label: "unknown camera", body: #"{"time": 0.2, "camera": "cam99"}"#, status: .notFound, mentions: "cam99"),
        Case(label: "NaN in a pose", body: #"{"time": 0.2, "pose": {"position": [NaN, 0, 0], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 60}, "size": {"width": 160, "height": 90}}"#,
             status: .badRequest, mentions: "JSON"),
        Case(label: "infinite number in a pose", body: #"{"time": 0.2, "pose": {"position": [1e400, 0, 0], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 60}, "size": {"width": 160, "height": 90}}"#,
             status: .badRequest, mentions: "JSON"),
        Case(label: "a pose of two numbers", body: #"{"time": 0.2, "pose": {"position": [0, 1], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 60}, "size": {"width": 160, "height": 90}}"#,
             status: .badRequest, mentions: "pose.position"),
        Case(label: "field of view 0", body: #"{"time": 0.2, "pose": {"position": [0, -60, 20], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 0}, "size": {"width": 160, "height": 90}}"#,
             status: .badRequest, mentions: "horizontalFieldOfViewDegrees"),
        Case(label: "looking at itself", body: #"{"time": 0.2, "pose": {"position": [1, 2, 3], "lookAt": [1, 2, 3], "horizontalFieldOfViewDegrees": 60}, "size": {"width": 160, "height": 90}}"#,
             status: .badRequest, mentions: "pose.lookAt"),
        Case(label: "size 0", body: #"{"time": 0.2, \#(pose), "size": {"width": 0, "height": 90}}"#, status: .badRequest, mentions: "size"),
        Case(label: "size 100000", body: #"{"time": 0.2, \#(pose), "size": {"width": 100000, "height": 100000}}"#, status: .badRequest, mentions: "larger than"),
        Case(label: "a pose without a size", body: #"{"time": 0.2, \#(pose)}"#, status: .badRequest, mentions: "size"),
        Case(label: "both pose and camera", body: #"{"time": 0.2, \#(pose), "camera": "cam01", "size": {"width": 16, "height": 9}}"#, status: .badRequest, mentions: "exactly one"),
        Case(label: "a seat of two numbers", body: #"{"time": 0.2, "seat": [0, 1], "size": {"width": 160, "height": 90}}"#, status: .badRequest, mentions: "seat"),
        Case(label: "a seat without a size", body: #"{"time": 0.2, "seat": [0, -60, 20]}"#, status: .badRequest, mentions: "size"),
        Case(label: "both seat and pose", body: #"{"time": 0.2, \#(pose), "seat": [0, -60, 20], "size": {"width": 16, "height": 9}}"#, status: .badRequest, mentions: "exactly one"),
        Case(label: "unknown session codec", method: .get, uri: "/api/session?codec=vp9", status: .badRequest, mentions: "codec"),
        Case(label: "time after the replay", body: #"{"time": 5, "camera": "cam01"}"#, status: .badRequest, mentions: "outside the replay"),
        Case(label: "negative time", body: #"{"time": -0.1, "camera": "cam01"}"#, status: .badRequest, mentions: "outside the replay"),
        Case(label: "unknown format", body: #"{"time": 0.2, "camera": "cam01", "format": "gif"}"#, status: .badRequest, mentions: "format"),
        Case(label: "quality 0", body: #"{"time": 0.2, "camera": "cam01", "quality": 0}"#, status: .badRequest, mentions: "quality"),
        Case(label: "null quality", body: #"{"time": 0.2, "camera": "cam01", "quality": null}"#, status: .badRequest, mentions: "quality: expected a whole number, found null"),
        Case(label: "null size beside a camera", body: #"{"time": 0.2, "camera": "cam01", "size": null}"#, status: .badRequest, mentions: "size: expected an object, found null"),
        Case(label: "null up in a pose", body: #"{"time": 0.2, "pose": {"position": [0, -60, 20], "lookAt": [0, 0, 0], "up": null, "horizontalFieldOfViewDegrees": 60}, "size": {"width": 16, "height": 9}}"#,
             status: .badRequest, mentions: "pose.up: expected an array, found null"),
        Case(label: "NaN time in a query", method: .get, uri: "/api/render?time=nan&camera=cam01", status: .badRequest, mentions: "time"),
        Case(label: "inf time in a query", method: .get, uri: "/api/render?time=inf&camera=cam01", status: .badRequest, mentions: "time"),
        Case(label: "width without height", method: .get, uri: "/api/render?time=0&camera=cam01&width=160", status: .badRequest, mentions: "width"),
        Case(label: "huge query size", method: .get, uri: "/api/render?time=0&camera=cam01&width=100000&height=100000", status: .badRequest, mentions: "larger than"),
        Case(label: "unknown camera in a query", method: .get, uri: "/api/render?time=0&camera=nobody", status: .notFound, mentions: "nobody"),
        Case(label: "unknown camera's frame", method: .get, uri: "/api/cameras/nobody/frame?time=0", status: .notFound, mentions: "nobody"),
        Case(label: "a frame outside the replay", method: .get, uri: "/api/cameras/cam01/frame?time=2", status: .badRequest, mentions: "outside the replay"),
        Case(label: "a frame without a time", method: .get, uri: "/api/cameras/cam01/frame", status: .badRequest, mentions: "time"),
        Case(label: "a frame with a word for a time", method: .get, uri: "/api/cameras/cam01/frame?time=later", status: .badRequest, mentions: "time"),
    ]

    @Test(arguments: cases) func isRefusedWithA4xx(_ bad: Case) async throws {
        try await ServerFixture.test { client, service in
            // The fixture's camera names: the cases use cam01 for the first.
            let uri = bad.uri.replacingOccurrences(of: "cam01", with: service.cameras[0].name)
            let body = bad.body.map { ByteBuffer(json: $0.replacingOccurrences(of: "cam01", with: service.cameras[0].name)) }
            try await client.execute(uri: uri, method: bad.method, body: body) { response in
                #expect(response.status == bad.status, "\(bad.label): \(response.status) \(response.text)")
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let message = try #require(response.errorMessage, "\(bad.label): no JSON error in \(response.text)")
                #expect(message.contains(bad.mentions), "\(bad.label): \(message)")
                #expect(!message.contains("\n"))
            }
        }
    }

    @Test func aBodyOverTheUploadLimitIs413() async throws {
        try await ServerFixture.test { client, _ in
            let body = ByteBuffer(string: "{\"time\": 0, \"camera\": \"" + String(repeating: "x", count: 100_000) + "\"}")
            try await client.execute(uri: "/api/render", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorMessage?.contains("body") == true)
            }
        }
    }

    /// Bytes that are not HTTP, on a real socket: the first request of a connection (which
    /// hummingbird-websocket's upgrade pipeline would leave unanswered) and a later one.
    @Test(arguments: [("GARBAGE \u{1}\u{2} nonsense\r\n\r\n", "invalid HTTP method"),
                      ("GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "invalid character in header")])
    func unparsableRequestsAre400s(_ request: String, _ mention: String) async throws {
        try await ServerFixture.test(.live) { client, service in
            let socket = try RawSocket(port: try #require(client.port))
            try socket.sendAll(Array(request.utf8))
            let head = try await socket.readHead()
            #expect(head.hasPrefix("HTTP/1.1 400 "), "\(head)")
            #expect(head.lowercased().contains("connection: close"), "\(head)")
            let body = String(decoding: try await socket.readBodyToClose(chunked: false, within: 30), as: UTF8.self)
            #expect(body.contains(mention), "\(body)")
            let metrics = service.metrics.text()
            #expect(metrics.contains("vantage_http_malformed_requests_total 1\n"), "\(metrics)")
            // The server still answers the next client.
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// A good request, then garbage on the same connection: the good one is answered, then 400.
    @Test func garbageAfterAGoodRequestGetsA400AfterItsAnswer() async throws {
        try await ServerFixture.test(.live) { client, _ in
            let socket = try RawSocket(port: try #require(client.port))
            try socket.sendAll(Array("GET /health HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE \u{1}\r\n\r\n".utf8))
            let answers = String(decoding: try await socket.readBodyToClose(chunked: false, within: 30), as: UTF8.self)
            #expect(answers.hasPrefix("HTTP/1.1 200 "), "\(answers)")
            #expect(answers.components(separatedBy: "HTTP/1.1 400 ").count == 2, "\(answers)")
        }
    }
}

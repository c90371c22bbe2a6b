import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageMedia
@testable import VantageServer

/// Highlight jobs through the API: a camera path in, a job id out, progress, the MP4.
@Suite(.serialized) struct JobRoutesTests {
    static let secret = "director-secret"
    static let director: HTTPFields = [.authorization: "Bearer \(secret)", .contentType: "application/json"]

    /// A path from the fixture's truth camera towards the pitch over `seconds`, replay time from 0.
    private func jobBody(seconds: Double = 0.4, fps: Int = 5, width: Int = 160, height: Int = 90, extraKeyframe: String = "",
                         timeMap: String = #"[{"time": 0, "replayTime": 0}, {"time": 0.4, "replayTime": 0.4}]"#) throws -> String {
        let camera = try ServerFixture.get().truthCamera
        let start = camera.centerInWorld, target = start + camera.forwardInWorld * 40
        return """
            {"path": {"format": "vantage-camera-path", "version": 1, "name": "test move", "timeMap": \(timeMap),
              "keyframes": [
                {"time": 0, "position": [\(start.x), \(start.y), \(start.z)], "lookAt": [\(target.x), \(target.y), \(target.z)], "horizontalFieldOfViewDegrees": 50},
                \(extraKeyframe)
                {"time": \(seconds), "position": [\(start.x + 2), \(start.y), \(start.z)], "lookAt": [\(target.x), \(target.y), \(target.z)], "horizontalFieldOfViewDegrees": 50}]},
             "size": {"width": \(width), "height": \(height)}, "fps": \(fps), "preset": "veryfast"}
            """
    }

    private func options(_ folder: URL) -> (inout ServerOptions) -> Void {
        { $0.directorToken = Self.secret; $0.jobsDirectory = folder }
    }

    @Test func aPathBecomesAnMP4WithEveryFrame() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ServerFixture.test(options: options(folder)) { client, _ in
            let id = try await client.execute(uri: "/api/jobs", method: .post, headers: Self.director, body: ByteBuffer(string: try jobBody())) { response in
                #expect(response.status == .accepted, "\(response.text)")
                let json = try response.json()
                #expect(json["frameCount"] as? Int == 3 && json["state"] as? String == "queued")
                #expect(response.headers[.location] == "/api/jobs/\(json["id"] as? String ?? "")")
                return try #require(json["id"] as? String)
            }
            var state = ""
            for _ in 0..<1200 where !["done", "failed"].contains(state) {
                try await Task.sleep(for: .milliseconds(100))
                state = try await client.execute(uri: "/api/jobs/\(id)", method: .get, headers: Self.director) { try $0.json()["state"] as? String ?? "" }
            }
            try #require(state == "done", "the job ended \(state)")
            try await client.execute(uri: "/api/jobs/\(id)", method: .get, headers: Self.director) { response in
                let json = try response.json()
                #expect(json["framesDone"] as? Int == 3 && json["progress"] as? Double == 1)
                #expect(json["resultURL"] as? String == "/api/jobs/\(id)/result.mp4")
            }
            try await client.execute(uri: "/api/jobs/\(id)/result.mp4", method: .get, headers: Self.director) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "video/mp4")
                let path = folder.appendingPathComponent("downloaded.mp4").path
                try Data(response.bytes).write(to: URL(fileURLWithPath: path))
                let reader = try MediaReader(path)
                #expect(reader.info.width == 160 && reader.info.height == 90 && reader.info.frameRate == MediaRational(5, 1))
                var frames = 0
                while try reader.nextFrame() != nil { frames += 1 }
                #expect(frames == 3)
            }
            try await client.execute(uri: "/api/jobs/\(id)/result.mp4", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test(arguments: [
        ("one keyframe", #"{"path": {"format": "vantage-camera-path", "version": 1, "name": "x", "keyframes": [{"time": 0, "position": [0, -60, 20], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 50}]}}"#, "keyframes"),
        ("no path", #"{"fps": 25}"#, "path"),
        ("not JSON", "{path", "body"),
    ])
    func badBodiesAre400s(_ label: String, _ body: String, _ mention: String) async throws {
        try await ServerFixture.test(options: { $0.directorToken = Self.secret }) { client, _ in
            try await client.execute(uri: "/api/jobs", method: .post, headers: Self.director, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .badRequest, "\(label): \(response.status)")
                #expect(response.errorMessage?.contains(mention) == true, "\(label): \(response.errorMessage ?? "")")
            }
        }
    }

    @Test func badPathsAndSettingsAre400sNamingTheField() async throws {
        let cases: [(String, String, String)] = [
            ("keyframes out of order", try jobBody(extraKeyframe: #"{"time": 0.5, "position": [0, -60, 20], "lookAt": [0, 0, 0], "horizontalFieldOfViewDegrees": 50},"#), "keyframes[1]"),
            ("field of view 180", try jobBody().replacingOccurrences(of: "\"horizontalFieldOfViewDegrees\": 50}]", with: "\"horizontalFieldOfViewDegrees\": 180}]"), "horizontalFieldOfViewDegrees"),
            ("odd size", try jobBody(width: 161), "even"),
            ("huge size", try jobBody(width: 100000, height: 100000), "size"),
            ("fps 0", try jobBody(fps: 0), "frame rate"),
            ("too many frames", try jobBody(seconds: 1000, timeMap: #"[{"time": 0, "replayTime": 0}]"#), "frames"),
            ("replay time outside", try jobBody(timeMap: #"[{"time": 0, "replayTime": 50}]"#), "outside the replay"),
        ]
        try await ServerFixture.test(options: { $0.directorToken = Self.secret }) { client, _ in
            for (label, body, mention) in cases {
                try await client.execute(uri: "/api/jobs", method: .post, headers: Self.director, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(label): \(response.status) \(response.text)")
                    #expect(response.errorMessage?.contains(mention) == true, "\(label): \(response.errorMessage ?? "")")
                }
            }
        }
    }

    @Test func aCancelledJobLeavesNoClip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await ServerFixture.test(options: options(folder)) { client, _ in
            // 81 frames: long enough to be still rendering when it is cancelled.
            let body = try jobBody(seconds: 0.8, fps: 100, timeMap: #"[{"time": 0, "replayTime": 0.4}]"#)
            let id = try await client.execute(uri: "/api/jobs", method: .post, headers: Self.director, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .accepted, "\(response.text)")
                return try #require(try response.json()["id"] as? String)
            }
            try await client.execute(uri: "/api/jobs/\(id)/result.mp4", method: .get, headers: Self.director) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/api/jobs/\(id)", method: .delete, headers: Self.director) { response in
                let json = try response.json()
                #expect(json["state"] as? String == "cancelled")
            }
            var files = ["?"]
            for _ in 0..<300 where !files.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            }
            #expect(files.isEmpty, "a cancelled job left \(files)")
            try await client.execute(uri: "/api/jobs/\(id)", method: .get, headers: Self.director) { response in
                let json = try response.json()
                #expect(json["state"] as? String == "cancelled")
            }
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VantageMedia
import VantageServer

/// Stills of a pose, of a rig camera and of a physical camera's frame: decodable images of the
/// asked size that show something.
@Suite struct RenderRoutesTests {
    @Test func aPoseRendersAsAJPEGOfTheAskedSize() async throws {
        let fixture = try ServerFixture.get()
        try await ServerFixture.test { client, _ in
            try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: fixture.poseJSON())) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                #expect(response.headers[.contentType] == "image/jpeg")
                let image = try ImageIO.decode(response.bytes)
                #expect(image.width == 160 && image.height == 90)
                #expect(spread(image) > 10, "the render is blank")
                #expect(response.headers[HTTPField.Name("X-Vantage-Capture-Microseconds")!] == "1400000")
            }
        }
    }

    @Test func aSeatLooksAtThePointTheRigLooksAt() async throws {
        try await ServerFixture.test { client, service in
            let body = #"{"time": 0.4, "seat": [0, -60, 20], "size": {"width": 160, "height": 90}}"#
            let seat = try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: body)) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                return try ImageIO.decode(response.bytes)
            }
            let at = service.pointOfInterest
            let pose = #"{"time": 0.4, "pose": {"position": [0, -60, 20], "lookAt": [\#(at.x), \#(at.y), \#(at.z)], "horizontalFieldOfViewDegrees": 60}, "size": {"width": 160, "height": 90}}"#
            let same = try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: pose)) { try ImageIO.decode($0.bytes) }
            #expect(seat.width == 160 && spread(seat) > 10)
            #expect(seat == same, "a seat is the look-at pose at the rig's point of interest with a 60° view")
        }
    }

    @Test func aRigCameraRendersAsAPNG() async throws {
        try await ServerFixture.test { client, service in
            let name = service.cameras[1].name
            let body = #"{"time": 0.2, "camera": "\#(name)", "size": {"width": 160, "height": 90}, "format": "png"}"#
            try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: body)) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                #expect(response.headers[.contentType] == "image/png")
                #expect(ImageIO.format(ofBytes: response.bytes) == .png)
                let image = try ImageIO.decode(response.bytes)
                #expect(image.width == 160 && image.height == 90 && spread(image) > 10)
            }
        }
    }

    @Test func aRigCameraRendersFromTheQueryString() async throws {
        try await ServerFixture.test { client, service in
            let name = service.cameras[2].name
            try await client.execute(uri: "/api/render?time=0.6&camera=\(name)&width=160&height=90&format=jpeg&quality=50", method: .get) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                let image = try ImageIO.decode(response.bytes)
                #expect(image.width == 160 && image.height == 90 && spread(image) > 10)
            }
        }
    }

    @Test func aPhysicalCamerasFrameComesBackAtItsSize() async throws {
        try await ServerFixture.test { client, service in
            let name = service.cameras[0].name
            try await client.execute(uri: "/api/cameras/\(name)/frame?time=0.8&format=png", method: .get) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                #expect(response.headers[.contentType] == "image/png")
                let image = try ImageIO.decode(response.bytes)
                #expect(image.width == 320 && image.height == 180 && spread(image) > 10)
                #expect(response.headers[HTTPField.Name("X-Vantage-Sources")!] == name)
            }
        }
    }

    @Test func aFullRenderQueueAnswers503AndTheRestSucceed() async throws {
        let fixture = try ServerFixture.get()
        try await ServerFixture.test(options: { $0.renderQueueCapacity = 0 }) { client, _ in
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await client.execute(uri: "/api/render", method: .post, body: ByteBuffer(json: fixture.poseJSON())) { ($0.status, $0.errorMessage) }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.contains { $0.0 == .ok })
            let refused = statuses.filter { $0.0 == .serviceUnavailable }
            #expect(!refused.isEmpty)
            #expect(refused.allSatisfy { $0.1?.hasPrefix("render queue full") == true })
            #expect(statuses.allSatisfy { $0.0 == .ok || $0.0 == .serviceUnavailable })
        }
    }
}

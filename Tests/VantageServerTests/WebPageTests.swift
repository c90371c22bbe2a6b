import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import VantageMedia
import VantageServer
import Yams

/// The browser pages, scaled camera frames for the director's thumbnails, and the OpenAPI
/// document against the routes.
@Suite struct WebPageTests {
    @Test func viewerAndDirectorPagesAndTheirScriptsAreServed() async throws {
        try await ServerFixture.test { client, _ in
            for (uri, type, mention) in [("/", "text/html", "/web/viewer.js"), ("/director", "text/html", "/web/director.js"),
                                         ("/web/common.js", "text/javascript", "renderStill"), ("/web/style.css", "text/css", "{")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(uri)")
                    #expect(response.text.contains(mention), "\(uri)")
                }
            }
            for uri in ["/web/nothing.js", "/web/..%2Fopenapi.yaml", "/web/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }

    @Test func aCameraFrameScalesToAThumbnailWidth() async throws {
        try await ServerFixture.test { client, service in
            let name = service.cameras[3].name
            try await client.execute(uri: "/api/cameras/\(name)/frame?time=0&format=jpeg&width=80", method: .get) { response in
                #expect(response.status == .ok, "\(response.text.prefix(300))")
                let image = try ImageIO.decode(response.bytes)
                #expect(image.width == 80 && image.height == 45)
            }
            try await client.execute(uri: "/api/cameras/\(name)/frame?time=0&width=100000", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage?.hasPrefix("width") == true)
            }
        }
    }

    @Test func theOpenAPIDocumentParsesAndNamesEveryRoute() throws {
        let bytes = try #require(OpenAPIDocument.bytes)
        let document = try #require(try Yams.load(yaml: String(decoding: bytes, as: UTF8.self)) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.0") == true)
        let paths = try #require(document["paths"] as? [String: Any])
        let expected: [String: Set<String>] = [
            "/health": ["get"], "/api/rig": ["get"], "/api/replay": ["get"], "/api/render": ["get", "post"],
            "/api/cameras/{name}/frame": ["get"], "/api/session": ["get"], "/api/stream.ts": ["get"], "/api/jobs": ["get", "post"], "/api/jobs/{id}": ["delete", "get"], "/api/jobs/{id}/result.mp4": ["get"], "/openapi.yaml": ["get"], "/metrics": ["get"],
            "/": ["get"], "/director": ["get"], "/web/{file}": ["get"],
        ]
        #expect(Set(paths.keys) == Set(expected.keys))
        for (path, methods) in expected {
            let operations = try #require(paths[path] as? [String: Any], "\(path)")
            #expect(Set(operations.keys).subtracting(["parameters"]) == methods, "\(path)")
        }
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        #expect(schemas["Error"] != nil && schemas["RenderRequest"] != nil)
    }
}

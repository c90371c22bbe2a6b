import Foundation
import Hummingbird

extension Router<VantageRequestContext> {
    /// `GET /openapi.yaml`: the API's OpenAPI 3 description (Sources/VantageServer/Resources/openapi.yaml).
    func addOpenAPIRoute() {
        get("/openapi.yaml") { _, _ -> Response in
            guard let document = OpenAPIDocument.bytes else { throw APIError(.notFound, "openapi.yaml is not installed beside this server") }
            return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}

/// The OpenAPI document shipped as a package resource.
public enum OpenAPIDocument {
    public static let bytes: [UInt8]? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "openapi", withExtension: "yaml") else { return nil }
        return (try? Data(contentsOf: url)).map { Array($0) }
    }()
}

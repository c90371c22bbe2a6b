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
    /// The package's Resources folder (copied whole into the module's bundle).
    static let resourcesFolder: URL? = {
        let candidates = [Bundle.module.resourceURL?.appendingPathComponent("Resources"), Bundle.module.resourceURL]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("openapi.yaml").path) }
    }()

    public static let bytes: [UInt8]? = resourcesFolder.flatMap { try? Data(contentsOf: $0.appendingPathComponent("openapi.yaml")) }.map(Array.init)
}

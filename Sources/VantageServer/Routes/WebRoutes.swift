import Foundation
import Hummingbird

extension Router<VantageRequestContext> {
    /// The browser pages: the fan's viewer at `/`, the director console at `/director`, and their
    /// scripts and style under `/web/` (only the files shipped in Resources/web).
    func addWebRoutes() {
        get("/") { _, _ in try WebPages.response(for: "viewer.html") }
        get("/director") { _, _ in try WebPages.response(for: "director.html") }
        get("/web/:file") { _, context in try WebPages.response(for: try context.parameters.require("file")) }
    }
}

/// The files of Resources/web, read once.
enum WebPages {
    static let files: [String: [UInt8]] = {
        guard let folder = OpenAPIDocument.resourcesFolder?.appendingPathComponent("web"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var files: [String: [UInt8]] = [:]
        for name in names where !name.hasPrefix(".") {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(name)) { files[name] = Array(data) }
        }
        return files
    }()

    static func response(for name: String) throws(APIError) -> Response {
        guard let bytes = files[name] else {
            throw APIError.notFound("web page '\(name)' does not exist (pages: \(files.keys.sorted().joined(separator: ", ")))")
        }
        return Response(status: .ok, headers: [.contentType: contentType(of: name), .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func contentType(of name: String) -> String {
        switch URL(fileURLWithPath: name).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }
}

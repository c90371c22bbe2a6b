import Foundation

extension CameraPath {
    /// Reads and validates a camera path file; errors name the file, the field (e.g.
    /// `keyframes[3].horizontalFieldOfViewDegrees`) and what was expected. With `bounds` (a rig's
    /// scene bounds) the camera must stay inside its box.
    public static func load(from url: URL, bounds: SceneBounds? = nil) throws -> CameraPath {
        try decode(try InputFile.data(at: url, kind: "camera path"), source: url.path, bounds: bounds)
    }

    /// Decodes and validates camera path JSON; `source` names it in errors.
    public static func decode(_ data: Data, source: String, bounds: SceneBounds? = nil) throws -> CameraPath {
        _ = try JSONValue.parse(data, source: source)  // syntax and out-of-range numbers, with their place
        let path: CameraPath
        do { path = try JSONDecoder().decode(CameraPath.self, from: data) } catch let error as DecodingError {
            throw InputError(decodingError: error, source: source)
        }
        try path.validate(source: source, bounds: bounds)
        return path
    }

    /// The path as JSON text: keys sorted, vectors on one line, ending in a newline.
    public var jsonText: String {
        // Encoding plain numbers, strings and arrays cannot fail.
        guard let data = try? JSONEncoder().encode(self), let value = try? JSONValue.parse(data, source: name) else {
            preconditionFailure("a camera path always encodes")
        }
        return value.serialized()
    }

    /// Writes the path atomically: a reader never sees a half-written file.
    public func write(to url: URL) throws {
        do { try Data(jsonText.utf8).write(to: url, options: .atomic) } catch {
            throw InputError(url.path, "cannot write the camera path (\(error.localizedDescription))")
        }
    }
}

extension InputError {
    /// A `Decodable` failure as a one-line input error: the field path where it happened
    /// (`keyframes[2].position`) and what was expected there.
    init(decodingError error: DecodingError, source: String) {
        func place(_ path: [CodingKey]) -> String {
            path.reduce("") { text, key in
                if let index = key.intValue { return "\(text)[\(index)]" }
                return text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)"
            }
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is Double.Type, is Int.Type: return "a number"
            case is String.Type: return "a string"
            case is Bool.Type: return "true or false"
            case is [Any].Type, is Quaternion.Type: return "an array"
            default: return "an object"
            }
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init(source, at: place(context.codingPath + [key]), "missing; it is required")
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            self.init(source, at: place(context.codingPath), "expected \(expected(type))")
        case let .dataCorrupted(context):
            self.init(source, at: place(context.codingPath), context.debugDescription)
        @unknown default:
            self.init(source, "\(error)")
        }
    }
}

import Foundation
import Hummingbird

/// Decodes a JSON request body, answering 400 with the field and what was expected when it is
/// malformed (413 beyond the context's upload limit).
func decodeJSONBody<T: Decodable>(_ type: T.Type, request: Request, context: VantageRequestContext) async throws -> T {
    let buffer: ByteBuffer
    do {
        buffer = try await request.body.collect(upTo: context.maxUploadSize)
    } catch {
        throw APIError(.contentTooLarge, "body: expected a JSON document of at most \(context.maxUploadSize) bytes")
    }
    guard buffer.readableBytes > 0 else { throw APIError.badRequest("body: expected a JSON object, found an empty body") }
    do {
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    } catch let error as DecodingError {
        throw APIError.badRequest(describe(error))
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`; `nil` when the key is absent, and a `valueNotFound` error (a 400
    /// naming the field) when it is there as `null`.
    func decodeUnlessAbsent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        return try decode(T.self, forKey: key)
    }
}

private func describe(_ error: DecodingError) -> String {
    func path(_ codingPath: [any CodingKey]) -> String {
        let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "body" : String(text.drop { $0 == "." })
    }
    switch error {
    case let .typeMismatch(type, context):
        return "\(path(context.codingPath)): expected \(jsonName(type))"
    case let .valueNotFound(type, context):
        return "\(path(context.codingPath)): expected \(jsonName(type)), found null"
    case let .keyNotFound(key, context):
        return "\(path(context.codingPath + [key])): required field is missing"
    case let .dataCorrupted(context):
        if context.codingPath.isEmpty { return "body: malformed JSON (\(context.debugDescription))" }
        return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
        return "body: malformed JSON"
    }
}

private func jsonName(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: "a number"
    case is Int.Type: "a whole number"
    case is String.Type: "a string"
    case is [Double].Type: "an array of numbers"
    case is [String: Any].Type: "an object"
    case is [Any].Type: "an array"
    default: "a value of type \(type)"
    }
}

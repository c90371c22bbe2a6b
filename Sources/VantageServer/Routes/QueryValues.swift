import Foundation
import Hummingbird

/// Typed query parameters with 400s that name the parameter and what was expected.
struct QueryValues {
    let parameters: Parameters

    init(_ request: Request) { parameters = request.uri.queryParameters }

    func string(_ name: String) -> String? { parameters.get(name) }

    func requiredString(_ name: String) throws(APIError) -> String {
        guard let value = string(name), !value.isEmpty else { throw .badRequest("\(name): required query parameter is missing") }
        return value
    }

    func double(_ name: String) throws(APIError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text) else { throw .badRequest("\(name): expected a number, found \"\(text)\"") }
        guard value.isFinite else { throw .badRequest("\(name): expected a finite number, found \"\(text)\"") }
        return value
    }

    func int(_ name: String) throws(APIError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw .badRequest("\(name): expected a whole number, found \"\(text)\"") }
        return value
    }

    /// `x,y,z` in world metres, as `[x, y, z]`.
    func vector(_ name: String) throws(APIError) -> [Double] {
        let text = try requiredString(name)
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 3, let x = values[0], let y = values[1], let z = values[2], x.isFinite, y.isFinite, z.isFinite else {
            throw .badRequest("\(name): expected x,y,z in world metres (three finite numbers), found \"\(text)\"")
        }
        return [x, y, z]
    }
}

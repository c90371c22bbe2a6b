/// A value inside a JSON document together with where it is, so every complaint about it names
/// the file and the field path (`cameras[2].intrinsics.fx`).
public struct JSONField: Sendable {
    public let value: JSONValue
    public let source: String
    public let path: String

    public init(_ value: JSONValue, source: String, path: String = "") {
        self.value = value
        self.source = source
        self.path = path
    }

    public func error(_ message: String) -> InputError { InputError(source, at: path.isEmpty ? "top level" : path, message) }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func members() throws -> [(String, JSONField)] {
        guard case .object(let members) = value else { throw error("expected an object, found \(kind)") }
        return members.map { ($0.0, JSONField($0.1, source: source, path: childPath($0.0))) }
    }

    /// The member `key`, or `nil` when it is absent or `null`.
    public func optional(_ key: String) throws -> JSONField? {
        guard let member = try members().first(where: { $0.0 == key })?.1 else { return nil }
        if case .null = member.value { return nil }
        return member
    }

    public func required(_ key: String) throws -> JSONField {
        guard let member = try optional(key) else {
            throw InputError(source, at: childPath(key), "missing; it is required")
        }
        return member
    }

    public func items() throws -> [JSONField] {
        guard case .array(let items) = value else { throw error("expected an array, found \(kind)") }
        return items.enumerated().map { JSONField($0.element, source: source, path: "\(path)[\($0.offset)]") }
    }

    public func double() throws -> Double {
        let number: Double
        switch value {
        case .int(let i): number = Double(i)
        case .number(let d): number = d
        default: throw error("expected a number, found \(kind)")
        }
        guard number.isFinite else { throw error("expected a finite number, found \(number)") }
        return number
    }

    public func positiveDouble() throws -> Double {
        let number = try double()
        guard number > 0 else { throw error("expected a positive number, found \(number)") }
        return number
    }

    public func int() throws -> Int {
        switch value {
        case .int(let i) where i >= Int64(Int.min) && i <= Int64(Int.max): return Int(i)
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: throw error("expected a whole number, found \(kind)")
        }
    }

    public func string() throws -> String {
        guard case .string(let s) = value else { throw error("expected a string, found \(kind)") }
        return s
    }

    public func doubles(count: Int) throws -> [Double] {
        let list = try items()
        guard list.count == count else { throw error("expected \(count) numbers, found \(list.count)") }
        return try list.map { try $0.double() }
    }

    public func vector3() throws -> Vector3 {
        let d = try doubles(count: 3)
        return Vector3(d[0], d[1], d[2])
    }

    /// A 3×3 matrix written as three rows of three numbers.
    public func matrix3() throws -> Matrix3 {
        let rows = try items()
        guard rows.count == 3 else { throw error("expected 3 rows of 3 numbers, found \(rows.count) rows") }
        return Matrix3(try rows.map { try $0.doubles(count: 3) })!
    }

    /// A short name for the kind of value, for error messages.
    public var kind: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .number: return "a number"
        case .string(let s): return "the string \"\(s.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

import Foundation
import VantageGeometry

/// Fixed-point text for tables: `fixed(3.14159, 2)` is "3.14".
func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

func fixed(_ v: Vector3, _ digits: Int) -> String { "(\(fixed(v.x, digits)), \(fixed(v.y, digits)), \(fixed(v.z, digits)))" }

/// Writes `text` to standard error (warnings, progress), keeping standard output for results.
func printError(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
}

/// Pretty, key-sorted JSON for `--json` output.
func jsonText<Value: Encodable>(_ value: Value) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

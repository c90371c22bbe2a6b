import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Yams

/// Parses OpenCV `cv::FileStorage` files, YAML or XML, into a `JSONValue` so their fields are read
/// with paths. An `!!opencv-matrix` (YAML) or `type_id="opencv-matrix"` (XML) node becomes
/// `{rows, cols, dt, data}`, which `OpenCVMatrix` reads.
enum OpenCVStorage {
    static func isStorage(_ url: URL) -> Bool {
        guard ImportFiles.isFile(url), let head = ImportFiles.prefix(of: url, count: 512),
              let text = String(data: head, encoding: .utf8) else { return false }
        return text.hasPrefix("%YAML") || text.contains("<opencv_storage>")
    }

    static func parse(_ url: URL) throws -> JSONValue {
        let text = try ImportFiles.text(of: url)
        return text.hasPrefix("%YAML") ? try parseYAML(text, source: url.path) : try parseXML(text, source: url.path)
    }

    // MARK: YAML

    /// OpenCV writes a `%YAML:1.0` directive that libyaml rejects; it is dropped (the line is kept
    /// empty so line numbers in errors stay right).
    private static func parseYAML(_ text: String, source: String) throws -> JSONValue {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        lines[0] = ""
        do {
            guard let node = try Yams.compose(yaml: lines.joined(separator: "\n")) else {
                throw InputError(source, "expected a YAML mapping, found an empty document")
            }
            return value(of: node)
        } catch let error as YamlError {
            throw InputError(source, "not valid YAML (\(error))")
        }
    }

    private static func value(of node: Node) -> JSONValue {
        switch node {
        case .mapping(let mapping): return .object(mapping.map { (key: $0.key.string ?? "", value: value(of: $0.value)) })
        case .sequence(let sequence): return .array(sequence.map(value))
        case .scalar(let scalar): return scalar.style == .plain ? number(scalar.string) : .string(scalar.string)
        case .alias: return .null
        }
    }

    // MARK: XML

    private static func parseXML(_ text: String, source: String) throws -> JSONValue {
        let document: XMLDocument
        do { document = try XMLDocument(xmlString: text) } catch {
            throw InputError(source, "not valid XML (\(error.localizedDescription))")
        }
        guard let root = document.rootElement(), root.name == "opencv_storage" else {
            throw InputError(source, "expected an <opencv_storage> root element")
        }
        return value(of: root)
    }

    /// An element with child elements is a mapping (a sequence when they are all `<_>`); text is
    /// a number, a string, or — several tokens — a list of them.
    private static func value(of element: XMLElement) -> JSONValue {
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        if !children.isEmpty {
            if children.allSatisfy({ $0.name == "_" }) { return .array(children.map(value)) }
            return .object(children.map { ($0.name ?? "", value(of: $0)) })
        }
        let text = (element.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("\"") { return .string(text.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if element.name == "data" || tokens.count > 1 { return .array(tokens.map(number)) }
        return number(text)
    }

    /// A whole number, a number (including nan/inf, which the readers reject by field), or the text.
    private static func number(_ text: String) -> JSONValue {
        if let int = Int64(text) { return .int(int) }
        if let double = Double(text) { return .number(double) }
        return .string(text)
    }
}

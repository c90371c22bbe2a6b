import Foundation

/// `store.json`: marks a folder as a replay store and records its format and options.
struct StoreManifest: Codable, Equatable {
    static let fileName = "store.json"
    static let currentFormat = 1

    /// Layout version of the segments and folders (this build writes and reads 1).
    var format: Int
    /// When the store was created, ISO 8601.
    var created: String
    /// The options the store was last opened for writing with.
    var options: ReplayStoreOptions

    static func new(options: ReplayStoreOptions) -> StoreManifest {
        StoreManifest(format: currentFormat, created: ISO8601DateFormatter().string(from: Date()), options: options)
    }

    /// Reads and checks the manifest at `url`.
    static func read(_ url: URL) throws(ReplayError) -> StoreManifest {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReplayError(.badManifest, "\(url.path): cannot read: \(error.localizedDescription)")
        }
        let manifest: StoreManifest
        do { manifest = try JSONDecoder().decode(StoreManifest.self, from: data) } catch {
            throw ReplayError(.badManifest, "\(url.path): expected the store's JSON (format, created, options): \(describe(error))")
        }
        guard manifest.format == currentFormat else {
            throw ReplayError(.notAStore, "\(url.path): store format \(manifest.format); this build reads format \(currentFormat)")
        }
        do { try manifest.options.validate() } catch {
            throw ReplayError(.badManifest, "\(url.path): options.\(error.message)")
        }
        return manifest
    }

    /// Replaces the manifest at `url` in one step (a killed writer leaves the old or the new one).
    func write(_ url: URL) throws(ReplayError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(self).write(to: url, options: .atomic) } catch {
            throw ReplayError(.io, "\(url.path): cannot write: \(error.localizedDescription)")
        }
    }

    /// One line for a decoding failure: the field's path and what was wrong.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing field \((path(context).isEmpty ? "" : path(context) + ".") + key.stringValue)"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            return "\(path(context)): expected \(type)"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

import Foundation

/// caliscope's `timestamps.csv` (`sync_index,cam_id,frame_index,frame_time`, time in seconds),
/// checked line by line before a rig points at it.
struct CaliscopeTimestamps {
    static let header = ["sync_index", "cam_id", "frame_index", "frame_time"]

    /// Absolute path of the file.
    let path: String
    /// Capture times in seconds of each `cam_id`'s frames, in `frame_index` order.
    let frameTimes: [String: [Double]]

    /// The `cam_id` values that have at least one row.
    var cameraIDs: Set<String> { Set(frameTimes.keys) }

    /// Reads and checks the file; `nil` when it does not exist.
    init?(_ url: URL) throws {
        guard ImportFiles.isFile(url) else { return nil }
        path = url.standardizedFileURL.path
        let lines = try ImportFiles.text(of: url).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let header = lines.first.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        guard header == Self.header else {
            throw InputError(path, at: "line 1", "expected the header \(Self.header.joined(separator: ",")), found \"\(lines.first ?? "")\"")
        }
        var rows: [String: [(index: Int, seconds: Double)]] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 4, fields[0...2].allSatisfy({ Int($0) != nil }), let seconds = finiteNumber(fields[3]) else {
                throw InputError(path, at: "line \(index + 1)",
                                 "expected whole numbers sync_index, cam_id, frame_index and a time in seconds, found \"\(line)\"")
            }
            rows[fields[1], default: []].append((Int(fields[2])!, seconds))
        }
        frameTimes = rows.mapValues { $0.sorted { $0.index < $1.index }.map(\.seconds) }
    }
}

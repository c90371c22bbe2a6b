import Foundation

/// What `vantage render` reports about one still.
struct RenderSummary: Codable {
    var output: String
    var target: String
    var width: Int
    var height: Int
    var captureMicroseconds: Int64
    var sources: [String]
    var missingCameras: [String]
    var meanConfidence: Double
    var milliseconds: Double

    var line: String {
        let missing = missingCameras.isEmpty ? "" : ", missing \(missingCameras.joined(separator: ","))"
        return "\(output): \(target) \(width)x\(height) from \(sources.joined(separator: ","))\(missing), mean confidence \(fixed(meanConfidence, 2)), \(fixed(milliseconds, 0)) ms"
    }

    var json: String { get throws { try jsonText(self) } }
}

import Foundation
import VantageMedia

/// The report folder of an evaluation: `report.json` and one contact sheet per held-out view.
public struct EvaluationFolder {
    public static let reportName = "report.json"
    public let url: URL

    /// Creates the folder (and its parents) when it does not exist.
    public init(_ url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func write(_ view: EvaluatedView) throws {
        let path = url.appendingPathComponent(EvaluationContactSheet.fileName(camera: view.camera, frame: view.frame)).path
        try ImageIO.write(EvaluationContactSheet.make(view), to: path)
    }

    public func write(_ report: EvaluationReport) throws {
        try report.jsonData().write(to: url.appendingPathComponent(Self.reportName), options: .atomic)
    }
}

import Foundation

/// One model's result on one held-out view.
public struct EvaluationRow: Codable, Equatable, Sendable {
    public var camera: String
    public var frame: Int
    public var model: String
    /// dB against the truth (peak 255, all channels); `nil` when the model failed.
    public var psnr: Double?
    /// Mean SSIM over R, G, B (`ImageMetrics.ssim`); `nil` when the model failed.
    public var ssim: Double?
    /// Wall-clock time of the render call.
    public var milliseconds: Double
    /// The render's mean confidence; `nil` when the model failed.
    public var meanConfidence: Double?
    /// The sources the model says it used, most influential first; `nil` when the model failed.
    public var sources: [String]?
    /// Why the model could not render the view.
    public var error: String?
}

/// One model's figures averaged over every view it rendered.
public struct EvaluationMean: Codable, Equatable, Sendable {
    public var model: String
    /// Views rendered, and views where the model failed (left out of the means).
    public var views: Int
    public var failures: Int
    public var psnr: Double?
    public var ssim: Double?
    public var milliseconds: Double?

    init(model: String, rows: [EvaluationRow]) {
        let rendered = rows.filter { $0.error == nil }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        self.model = model
        views = rendered.count
        failures = rows.count - rendered.count
        psnr = mean(rendered.compactMap(\.psnr))
        ssim = mean(rendered.compactMap(\.ssim))
        milliseconds = mean(rendered.map(\.milliseconds))
    }
}

/// What `vantage eval` writes as `report.json`: no dates or paths, so that runs can be compared.
public struct EvaluationReport: Codable, Equatable, Sendable {
    public var rig: String
    public var models: [String]
    public var heldOut: [String]
    public var frames: [Int]
    /// Per held-out camera and frame, one row per model in `models` order.
    public var rows: [EvaluationRow]
    public var means: [EvaluationMean]

    public init(rig: String, models: [String], heldOut: [String], frames: [Int], rows: [EvaluationRow]) {
        self.rig = rig
        self.models = models
        self.heldOut = heldOut
        self.frames = frames
        self.rows = rows
        means = models.map { model in EvaluationMean(model: model, rows: rows.filter { $0.model == model }) }
    }

    /// Pretty, key-sorted JSON; an infinite PSNR (identical images) is written as the string "inf".
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> EvaluationReport {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(EvaluationReport.self, from: data)
    }
}

import VantageSynthesis

/// The terminal table of `vantage eval`: one row per held-out view and model, then one mean row per model.
enum EvalTable {
    static func rendered(_ report: EvaluationReport) -> String {
        var table = TextTable(header: ["camera", "frame", "model", "PSNR dB", "SSIM", "ms", "note"])
        for row in report.rows {
            table.rows.append([row.camera, "\(row.frame)", row.model, decibels(row.psnr), row.ssim.map { fixed($0, 4) } ?? "-",
                               fixed(row.milliseconds, 1), row.error ?? ""])
        }
        for mean in report.means {
            let note = mean.failures > 0 ? "\(mean.failures) failed" : ""
            table.rows.append(["mean", "\(mean.views) views", mean.model, decibels(mean.psnr), mean.ssim.map { fixed($0, 4) } ?? "-",
                               mean.milliseconds.map { fixed($0, 1) } ?? "-", note])
        }
        return table.rendered()
    }

    private static func decibels(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value.isFinite ? fixed(value, 2) : "inf"
    }
}

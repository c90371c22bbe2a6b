import Foundation
import VantageMedia

/// The picture of one evaluated view: truth | each model's render | |error| heat map of the first
/// model ("ours"), labelled, side by side.
public enum EvaluationContactSheet {
    /// Mean absolute error over R, G, B at which the heat map saturates (white), in 8-bit levels.
    public static let fullScaleError = 64

    public static func fileName(camera: String, frame: Int) -> String { "contact-\(camera)-f\(frame).png" }

    public static func make(_ view: EvaluatedView) -> RGBImage {
        let blank = RGBImage(width: view.truth.width, height: view.truth.height)
        var tiles: [(label: String, image: RGBImage)] = [("truth \(view.camera) f\(view.frame)", view.truth)]
        for (render, row) in zip(view.renders, view.rows) {
            let figures = row.psnr.map { "\(render.model) \(format($0)) dB" } ?? "\(render.model) failed"
            tiles.append((figures, render.image ?? blank))
        }
        let ours = view.renders[0]
        tiles.append(("error of \(ours.model), white at \(fullScaleError)", ours.image.map { heatMap(view.truth, $0) } ?? blank))
        return ContactSheet.make(tiles: tiles, columns: tiles.count, tileWidth: min(480, view.truth.width))
    }

    /// Per-pixel mean absolute difference over R, G, B, coloured black → red → yellow → white.
    static func heatMap(_ truth: RGBImage, _ render: RGBImage) -> RGBImage {
        var map = RGBImage(width: truth.width, height: truth.height)
        for pixel in 0..<(truth.width * truth.height) {
            var error = 0
            for channel in 0..<3 {
                error += abs(Int(truth.pixels[pixel * 3 + channel]) - Int(render.pixels[pixel * 3 + channel]))
            }
            // 0...3: one colour ramp per third of full scale.
            let level = min(Float(error) / 3 / Float(fullScaleError), 1) * 3
            map.pixels[pixel * 3] = UInt8(min(level, 1) * 255)
            map.pixels[pixel * 3 + 1] = UInt8(min(max(level - 1, 0), 1) * 255)
            map.pixels[pixel * 3 + 2] = UInt8(min(max(level - 2, 0), 1) * 255)
        }
        return map
    }

    private static func format(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f", value) : "inf"
    }
}

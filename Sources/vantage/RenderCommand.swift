import ArgumentParser
import Foundation
import VantageGeometry
import VantageMedia
import VantageSynthesis

/// `vantage render`: one still from any camera pose at any replay time.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the view of a rig camera or of any pose, at one replay time, as a PNG.",
        discussion: """
            The target is a rig camera (--view) or a pose file (--pose: a rig-style camera object, or \
            {"position", "lookAt", "up", "horizontalFieldOfViewDegrees", "size"}). --exclude removes cameras \
            from the sources, so `--view cam03 --exclude cam03` renders cam03 without ever seeing its frame.
            """)

    @OptionGroup var rigOption: RigOption

    @Option(help: "Render the pose and intrinsics of this rig camera.")
    var view: String?

    @Option(help: "Render the camera described in this JSON file.")
    var pose: String?

    @Option(help: "Comma-separated cameras to leave out of the sources.")
    var exclude: String?

    @OptionGroup var when: ReplayTimeOptions

    @Option(help: "Output size WxH (the target's intrinsics scale with it); default: the target's size.")
    var size: String?

    @Option(help: "The image to write (.png or .jpg).")
    var output: String

    @Option(help: "Also write the per-pixel confidence as a grey PNG.")
    var confidence: String?

    @Flag(help: "Print a JSON summary instead of a line of text.")
    var json = false

    func validate() throws {
        guard (view == nil) != (pose == nil) else { throw ValidationError("give exactly one of --view <camera> or --pose <file.json>") }
        if let size, ImageSize(parsing: size) == nil { throw ValidationError("--size \(size): expected WxH, e.g. 1280x720") }
        // Image formats are checked before any frame is read or rendered.
        _ = try ImageFormat(inferringFromPath: output)
        if let confidence { _ = try ImageFormat(inferringFromPath: confidence) }
    }

    func run() throws {
        FFmpegLog.setLevel(.quiet)
        let (rig, frames) = try rigOption.open()
        var target = try targetCamera(frames: frames)
        if let size, let parsed = ImageSize(parsing: size) { target = target.resized(to: parsed) }
        let excluded = Set((exclude ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        if let unknown = excluded.first(where: { name in !frames.cameras.contains { $0.name == name } }) {
            throw ValidationError("--exclude: no camera '\(unknown)' in the rig (cameras: \(frames.cameras.map(\.name).joined(separator: ", ")))")
        }
        let moment = try frames.moment(at: when.replayTime, cameras: nil).excluding(excluded)
        let model = try ImageBasedModel(rig: rig, frames: frames)
        let clock = ContinuousClock()
        let start = clock.now
        let rendered = try model.render(moment, target: target)
        let milliseconds = (clock.now - start).milliseconds
        try ImageIO.write(RGBImage(rendered.image), to: output)
        if let confidence { try ImageIO.write(RGBImage(grey: rendered.confidence, width: target.size.width, height: target.size.height), to: confidence) }
        let summary = RenderSummary(output: output, target: target.name, width: target.size.width, height: target.size.height,
                                    captureMicroseconds: moment.captureMicroseconds, sources: rendered.sourceNames,
                                    missingCameras: moment.missingCameras, meanConfidence: rendered.meanConfidence,
                                    milliseconds: milliseconds)
        print(json ? try summary.json : summary.line)
    }

    private func targetCamera(frames: any FrameSource) throws -> Camera {
        if let pose { return try PoseFile.read(from: URL(fileURLWithPath: pose)) }
        guard let view, let camera = frames.camera(named: view) else {
            throw ValidationError("--view \(view ?? ""): no such camera in the rig (cameras: \(frames.cameras.map(\.name).joined(separator: ", ")))")
        }
        return camera
    }
}

extension Duration {
    var milliseconds: Double { seconds * 1000 }
}

extension RGBImage {
    /// A grey image of values in [0, 1].
    init(grey values: [Float], width: Int, height: Int) {
        self.init(width: width, height: height, pixels: values.flatMap { value -> [UInt8] in
            let level = UInt8(min(max(value, 0), 1) * 255 + 0.5)
            return [level, level, level]
        })
    }
}

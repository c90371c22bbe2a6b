import ArgumentParser
import Foundation
import VantageGeometry
import VantageHighlights
import VantageMedia
import VantageSynthesis
import VantageTransport

/// `vantage render-path`: a camera path rendered into a broadcast-ready MP4.
struct RenderPathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-path",
        abstract: "Render a camera path (vantage path …) into an H.264 MP4.",
        discussion: """
            Frame n shows the path at n / fps seconds; the same rig, path and options always give the \
            same frames. The clip is written under a temporary name and renamed when complete, so a \
            failed render never leaves a file that looks whole. Progress goes to standard error: a bar \
            with ETA on a terminal, one JSON line per second otherwise.
            """)

    @OptionGroup var rigOption: RigOption

    @Option(help: "The camera path (JSON, see docs/camera-paths.md).")
    var path: String

    @Option(help: "Frame size WxH, even sides; default: the path's size, else 1280x720.")
    var size: String?

    @Option(help: "Frames per second.")
    var fps = 25

    @Option(help: "The clip to write (.mp4, .mov, .mkv or .ts).")
    var output: String

    @Option(help: "libx264 constant rate factor, 0 (lossless) … 51; 18 is visually lossless.")
    var crf: Double = 18

    @Option(help: "Target bitrate instead of --crf, e.g. 8M or 2500k (bits per second).")
    var bitrate: String?

    @Option(help: "libx264 preset: \(VideoWriterOptions.x264Presets.joined(separator: ", ")).")
    var preset = "medium"

    @Flag(help: "Print a JSON summary instead of a line of text.")
    var json = false

    @OptionGroup(title: "Render farm (docs/render-farm.md)") var farm: FarmArguments

    /// The options as the renderer takes them; throws a one-line error naming the option.
    func highlightOptions() throws -> HighlightOptions {
        var options = HighlightOptions()
        if let size {
            guard let parsed = ImageSize(parsing: size), parsed.width > 0, parsed.height > 0 else {
                throw ValidationError("--size \(size): expected WxH, e.g. 1280x720")
            }
            options.size = parsed
        }
        options.framesPerSecond = fps
        options.crf = crf
        options.preset = preset
        if let bitrate {
            guard let bits = BitrateText.bitsPerSecond(bitrate) else { throw ValidationError("--bitrate \(bitrate): expected bits per second, e.g. 8M or 2500k") }
            options.bitrate = bits
        }
        return options
    }

    func run() async throws {
        FFmpegLog.setLevel(.quiet)
        let options = try highlightOptions()
        let rig = try rigOption.load()
        let cameraPath = try CameraPath.load(from: URL(fileURLWithPath: path), bounds: rig.bounds)
        let renderer = try HighlightRenderer(plan: try HighlightPlan(path: cameraPath, options: options), output: output)
        let reporter = Locked(ProgressReporter(task: "render-path"))
        let report: @Sendable (HighlightProgress) -> Void = { progress in
            reporter.withLock { $0.report(done: progress.framesDone, total: progress.frameCount, elapsedSeconds: progress.elapsedSeconds) }
        }
        let summary: HighlightSummary
        if let endpoint = farm.farm {
            let source = try farm.source(endpoint: endpoint, plan: renderer.plan, origin: FarmOrigin(rig: rigOption.rig, store: rigOption.store))
            defer { source.close() }
            summary = try await renderer.render(from: source, progress: report)
        } else {
            let frames = try rigOption.frames(of: rig)
            let source = ModelFrameSource(model: try ImageBasedModel(rig: rig, frames: frames), frames: frames)
            summary = try await renderer.render(from: source, progress: report)
        }
        print(json ? try jsonText(summary) : "\(summary.output): \(summary.frames) frames, \(summary.width)x\(summary.height) at \(summary.framesPerSecond) fps (\(fixed(summary.durationSeconds, 2)) s), rendered in \(fixed(summary.renderSeconds, 1)) s")
    }
}

/// `--farm` and its tuning: frames rendered by `vantage worker` processes instead of here.
struct FarmArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Render on a farm: bind work on this endpoint and results on PORT+1; workers run `vantage worker --connect tcp://THIS-HOST:PORT`.",
                               valueName: "tcp://*:PORT"))
    var farm: String?

    @Option(help: "Frames per work message on the farm.")
    var farmRange = FarmOptions().rangeFrames

    @Option(help: "Ranges out per live worker on the farm (bounds the frames held out of order).")
    var farmCredit = FarmOptions().creditPerWorker

    @Option(help: "Seconds a worker may stay silent before its ranges are sent to another.")
    var farmSilence = FarmOptions().silenceSeconds

    @Option(help: "Seconds without any worker before the render fails.")
    var farmWait = FarmOptions().waitForWorkersSeconds

    /// The farm, bound, with where workers should connect printed to standard error.
    func source(endpoint: String, plan: HighlightPlan, origin: FarmOrigin) throws -> FarmFrameSource {
        var options = FarmOptions()
        options.rangeFrames = farmRange
        options.creditPerWorker = farmCredit
        options.silenceSeconds = farmSilence
        options.waitForWorkersSeconds = farmWait
        let source = try FarmFrameSource(plan: plan, origin: origin.absolute, bind: try FarmEndpoints(parsing: endpoint), options: options) { printError($0) }
        printError("farm: job \(source.job), \(plan.frameCount) frames in ranges of \(farmRange); start workers with: vantage worker --connect \(source.endpoints.forWorkers.work)")
        return source
    }
}

/// Bitrates as people write them: 8000000, 8M, 2500k.
enum BitrateText {
    static func bitsPerSecond(_ text: String) -> Int? {
        let lower = text.lowercased()
        let (digits, scale) = lower.hasSuffix("m") ? (lower.dropLast(), 1_000_000.0) : lower.hasSuffix("k") ? (lower.dropLast(), 1000.0) : (Substring(lower), 1.0)
        guard let value = Double(digits), value.isFinite, value > 0 else { return nil }
        return Int((value * scale).rounded())
    }
}

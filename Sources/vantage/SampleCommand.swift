import ArgumentParser
import Foundation
import VantageGeometry
import VantageSample

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Render built-in content with exact ground truth (the demo's default content).",
        subcommands: [StadiumSampleCommand.self])
}

extension SampleOptions.DepthMaps: ExpressibleByArgument {}

struct StadiumSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stadium",
        abstract: "Render a synthetic football stadium: source camera videos, truth cameras, depth, rigs and a contact sheet.",
        discussion: """
            Writes <output>/rig.json (source cameras, with their H.264 videos <camera>.mp4), truth-rig.json \
            (ground-truth cameras, frames in truth/<camera>/NNNNNN.png), depth/<camera>/NNNNNN.pfm (metres \
            along the optical axis), contact-sheet.png and sample.json (the manifest). The same seed gives \
            the same frames. The folder appears only when complete.
            """)

    @Option(name: .shortAndLong, help: "The folder to create.")
    var output: String

    @Option(help: "Number of source cameras in the stands.")
    var cameras = 8

    @Option(help: "Number of ground-truth cameras (pitch level, spider-cam, between the sources).")
    var truth = 4

    @Option(help: "Length of the clip in seconds.")
    var seconds = 4.0

    @Option(help: "Frames per second.")
    var fps = 25

    @Option(help: "Picture size, WxH.")
    var size = "960x540"

    @Option(help: "Seed of the scene (players' paths, crowd, exposures).")
    var seed: UInt64 = 1

    @Option(help: "Depth maps for: all, truth (cameras only) or none.")
    var depth = SampleOptions.DepthMaps.all

    @Option(help: "Replay time of the contact sheet (default: the middle of the clip).")
    var contactSheetTime: Double?

    @Flag(help: "Replace the output folder if it exists (only once the new sample is complete).")
    var overwrite = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        guard let pictureSize = ImageSize(parsing: size) else {
            throw InputError("vantage sample stadium", at: "--size", "expected WxH with positive numbers, e.g. 960x540, found \"\(size)\"")
        }
        var options = SampleOptions(output: URL(fileURLWithPath: output))
        options.cameras = cameras
        options.truthCameras = truth
        options.seconds = seconds
        options.framesPerSecond = fps
        options.size = pictureSize
        options.seed = seed
        options.depthMaps = depth
        options.contactSheetSeconds = contactSheetTime
        options.overwrite = overwrite
        let progress = ProgressReporter(task: "stadium")
        let summary = try SampleGenerator.generate(options) { step in
            progress.report(done: step.framesDone, total: step.frameCount, elapsedSeconds: step.elapsedSeconds)
        }
        let contactSheet = summary.folder.appendingPathComponent(SampleLayout.contactSheetName).path
        if json {
            print(JSONValue.object([
                ("folder", .string(summary.folder.path)), ("frames", .int(Int64(summary.frameCount))),
                ("sourceCameras", .array(summary.sourceCameras.map(JSONValue.string))),
                ("truthCameras", .array(summary.truthCameras.map(JSONValue.string))),
                ("elapsedSeconds", .number(summary.elapsedSeconds)), ("contactSheet", .string(contactSheet)),
            ]).serialized(), terminator: "")
        } else {
            print("wrote \(summary.folder.path): \(summary.sourceCameras.count) source cameras, \(summary.truthCameras.count) truth cameras, "
                  + "\(summary.frameCount) frames in \(String(format: "%.1f", summary.elapsedSeconds)) s")
            print("contact sheet: \(contactSheet)")
        }
    }
}

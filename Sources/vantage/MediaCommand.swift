import ArgumentParser
import Foundation
import VantageMedia

/// `vantage media`: inspect videos and extract frames.
struct MediaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media",
        abstract: "Inspect video files and streams, and extract exact frames as images.",
        subcommands: [Probe.self, Frame.self])
}

extension MediaCommand {
    /// Options every media subcommand shares.
    struct CommonOptions: ParsableArguments {
        @Flag(help: "Let FFmpeg print its own warnings and messages to standard error.")
        var verbose = false

        func configureLogging() {
            FFmpegLog.setLevel(verbose ? .info : .quiet)
        }
    }

    struct Probe: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the metadata of the best video stream of a file or URL.")

        @Argument(help: "A video file, or any URL libavformat opens (rtsp://, http://, ...).")
        var source: String

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        @OptionGroup var common: CommonOptions

        func run() throws {
            common.configureLogging()
            let info = try MediaReader(source).info
            if json {
                print(try jsonText(info))
            } else {
                print(Self.table(info))
            }
        }

        static func table(_ info: VideoStreamInfo) -> String {
            let frames = info.frameCount.map { "\($0)\(info.frameCountIsEstimate ? " (estimated from duration)" : "")" } ?? "unknown"
            let rows = [
                ("source", info.source),
                ("stream", "#\(info.streamIndex)"),
                ("codec", info.codecName),
                ("size", "\(info.width)x\(info.height)"),
                ("frame rate", "\(info.frameRate) (\(String(format: "%.3f", info.framesPerSecond)) fps)"),
                ("frames", frames),
                ("duration", info.durationSeconds.map { String(format: "%.3f s", $0) } ?? "unknown"),
                ("rotation", "\(Int(info.rotationDegrees))° clockwise"),
                ("pixel format", info.pixelFormatName),
                ("time base", "\(info.timeBase)"),
            ]
            return rows.map { $0.0.padding(toLength: 14, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
        }
    }

    struct Frame: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save the exact frame shown at a time as a PNG or JPEG image.")

        @Argument(help: "A video file or URL.")
        var file: String

        @Option(help: "Seconds from the start of the video; the frame displayed at that time is saved.")
        var time: Double

        @Option(help: "The image to write: .png (lossless) or .jpg.")
        var output: String

        @OptionGroup var common: CommonOptions

        func validate() throws {
            guard time.isFinite, time >= 0 else {
                throw ValidationError("--time must be a number of seconds ≥ 0, got \(time)")
            }
            _ = try ImageFormat(inferringFromPath: output)
        }

        func run() throws {
            common.configureLogging()
            let reader = try MediaReader(file)
            if let duration = reader.info.durationSeconds, time >= duration {
                throw MediaError.invalidOption(source: file, option: "--time \(time) s",
                                               expected: "a time before the end of the video at \(String(format: "%.3f", duration)) s")
            }
            guard let frame = try reader.seek(toSeconds: time) else {
                throw MediaError.unreadableFormat(source: file, expected: "a video with a decodable frame", reason: "no frame decoded")
            }
            let image = try PixelConverter().rgbImage(from: frame)
            try ImageIO.write(image, to: output)
            print("\(output): \(image.width)x\(image.height) frame at \(String(format: "%.6f", frame.seconds)) s of \(file)")
        }
    }
}

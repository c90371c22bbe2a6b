import Foundation
import Testing

/// The ffprobe and ffmpeg command-line tools, as a second, independent route to a file's packets.
/// Tests that use them are disabled, with a printed notice, when either is not on the PATH.
enum FFmpegTools {
    /// One line of `ffprobe -show_packets`.
    struct ProbedPacket: Equatable {
        var size: Int
        var isKeyframe: Bool
        var presentationTimestamp: Int64?
        var decodeTimestamp: Int64?
    }

    static let ffprobe = executable(named: "ffprobe")
    static let ffmpeg = executable(named: "ffmpeg")

    static let isAvailable: Bool = {
        let present = ffprobe != nil && ffmpeg != nil
        if !present { print("skipping ffprobe/ffmpeg comparisons: ffprobe or ffmpeg not found on PATH") }
        return present
    }()

    /// `ffprobe -show_packets` of one stream: size, keyframe flag and timestamps of each packet.
    static func probePackets(_ path: String, streamIndex: Int) throws -> [ProbedPacket] {
        let output = try run(try #require(ffprobe), [
            "-v", "error", "-select_streams", "\(streamIndex)",
            "-show_entries", "packet=size,flags,pts,dts", "-of", "compact", path,
        ])
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map { line in
            var fields: [Substring: Substring] = [:]
            for field in line.split(separator: "|").dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { fields[pair[0]] = pair[1] }
            }
            return ProbedPacket(
                size: fields["size"].flatMap { Int($0) } ?? -1,
                isKeyframe: fields["flags"]?.hasPrefix("K") ?? false,
                presentationTimestamp: fields["pts"].flatMap { Int64($0) },
                decodeTimestamp: fields["dts"].flatMap { Int64($0) })
        }
    }

    /// The stream's packets, concatenated, as `ffmpeg -c copy -f data` writes them (no bitstream filter).
    static func copiedStreamBytes(_ path: String, streamIndex: Int) throws -> [UInt8] {
        [UInt8](try run(try #require(ffmpeg), [
            "-v", "error", "-i", path, "-map", "0:\(streamIndex)", "-c", "copy", "-f", "data", "-",
        ]))
    }

    /// `ffmpeg -c copy` of every stream into `destination` (the format from its extension).
    static func remux(_ path: String, to destination: String) throws {
        _ = try run(try #require(ffmpeg), ["-v", "error", "-i", path, "-map", "0", "-c", "copy", destination])
    }

    private static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return data
    }

    struct ToolFailure: Error, CustomStringConvertible {
        let description: String
    }
}

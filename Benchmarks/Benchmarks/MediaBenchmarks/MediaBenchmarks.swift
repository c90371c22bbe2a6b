import Benchmark
import Foundation
import VantageMedia

/// Frames per second of one measured iteration, reported next to the wall-clock time per iteration.
private let framesPerSecond = BenchmarkMetric.custom("frames/s", polarity: .prefersLarger, useScalingFactor: false)

/// Scratch files for this run; removed in each benchmark's teardown.
private let scratchDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("vantage-media-benchmarks-\(ProcessInfo.processInfo.processIdentifier)")

/// Runs `work` (which handles `frameCount` frames) once and records its frames per second.
private func measureFrames(_ benchmark: Benchmark, frameCount: Int, _ work: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(work)
    benchmark.measurement(framesPerSecond, Int((Double(frameCount) / elapsed.seconds).rounded()))
}

private func scratchPath(_ name: String) throws -> String {
    try FileManager.default.createDirectory(at: scratchDirectory, withIntermediateDirectories: true)
    return scratchDirectory.appendingPathComponent(name).path
}

/// A real camera's 1080×1920 H.264 recording (100 frames at 60 fps) from the shared captures beside
/// the package root; absent in a fresh clone, where that benchmark is not registered.
private let realFootagePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/data/pose2sim-single/videos/cam01.mp4").standardized.path

/// Decodes every frame of `path` once, recording frames per second.
private func decodeAll(_ path: String, expecting frameCount: Int, _ benchmark: Benchmark) throws {
    try measureFrames(benchmark, frameCount: frameCount) {
        let reader = try MediaReader(path)
        var decoded = 0
        while let frame = try reader.nextFrame() {
            blackHole(frame)
            decoded += 1
        }
        precondition(decoded == frameCount, "decoded \(decoded) of \(frameCount) frames of \(path)")
    }
}

let benchmarks: @Sendable () -> Void = {
    FFmpegLog.setLevel(.error)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, framesPerSecond], warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 20,
        teardown: { try? FileManager.default.removeItem(at: scratchDirectory) })

    // (a) Decode: open a 60-frame 1920×1080 H.264 MP4 and decode every frame (no RGB conversion).
    let decodeFrameCount = 60
    Benchmark("Decode 1080p H.264 MP4", configuration: configuration) { benchmark, clipPath in
        for _ in benchmark.scaledIterations { try decodeAll(clipPath, expecting: decodeFrameCount, benchmark) }
    } setup: {
        let path = try scratchPath("decode-1080p.mp4")
        let options = VideoWriterOptions(width: 1920, height: 1080, frameRate: MediaRational(30, 1), preset: "veryfast")
        let writer = try VideoWriter(path: path, options: options)
        for index in 0..<decodeFrameCount {
            try writer.append(TestPattern.movingTexture(width: 1920, height: 1080, frameIndex: index))
        }
        try writer.finish()
        return path
    }

    // (a') The same on real footage, which predicts far less well than the synthetic clip.
    if FileManager.default.fileExists(atPath: realFootagePath) {
        Benchmark("Decode real 1080x1920 H.264 (pose2sim cam01)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations { try decodeAll(realFootagePath, expecting: 100, benchmark) }
        }
    }

    // (b) Encode: 30 RGB frames of 1280×720 → libx264 → MP4, including RGB→YUV conversion and the final flush.
    let encodeFrameCount = 30
    let productDefaultPreset = VideoWriterOptions(width: 2, height: 2, frameRate: MediaRational(25, 1)).preset
    for preset in Array(Set(["veryfast", productDefaultPreset])).sorted() {
        Benchmark("Encode 720p H.264 libx264 preset \(preset)", configuration: configuration) { benchmark, frames in
            let options = VideoWriterOptions(width: 1280, height: 720, frameRate: MediaRational(25, 1), preset: preset)
            let path = try scratchPath("encode-720p-\(preset).mp4")
            for _ in benchmark.scaledIterations {
                try measureFrames(benchmark, frameCount: frames.count) {
                    let writer = try VideoWriter(path: path, options: options)
                    for frame in frames { try writer.append(frame) }
                    try writer.finish()
                }
            }
        } setup: {
            (0..<encodeFrameCount).map { TestPattern.movingTexture(width: 1280, height: 720, frameIndex: $0) }
        }
    }
}

import Benchmark
import Foundation
import VantageMedia
import VantageReplay
import VantageTransport

/// The replay store: appending raw 1080p frames, opening (scan and CRC check), and decoding a
/// moment of real H.264 footage from the store, cold and stepping forward.
private let framesPerSecond = BenchmarkMetric.custom("frames/s", polarity: .prefersLarger, useScalingFactor: false)

private let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("vantage-replay-benchmarks-\(ProcessInfo.processInfo.processIdentifier)")

/// pose2sim cam01 (1080×1920 H.264 with B-frames, 100 packets, one keyframe); absent in a fresh clone.
private let realFootagePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/data/pose2sim-single/videos/cam01.mp4").standardized.path

/// A raw 1920×1080 rgb24 frame captured at frame `index` of 50 fps.
private func rawFrame(_ index: Int, pixels: [UInt8]) -> WireFrame {
    let header = FrameHeader(
        rig: "bench", camera: "cam01", streamID: 1, sequence: UInt64(index), captureMicroseconds: Int64(index) * 20_000,
        presentationTimestamp: nil, decodeTimestamp: nil, duration: 0, timeBase: MediaRational(1, 1_000_000),
        isKeyframe: true, width: 1920, height: 1080, pixelFormatName: "rgb24",
        payload: .raw(planes: [RawPlane(bytesPerRow: 1920 * 3, rows: 1080)]), payloadLength: pixels.count)
    return WireFrame(header: header, payload: pixels)
}

private func freshStore(_ name: String) throws -> ReplayStore {
    let directory = scratch.appendingPathComponent("\(name)-\(UUID())")
    return try ReplayStore(directory: directory)
}

/// A store holding every packet of the real footage, captured at its stream time.
private func footageStore() throws -> ReplayStore {
    let store = try freshStore("footage")
    let reader = try PacketReader(realFootagePath)
    var sequence: UInt64 = 0
    while let packet = try reader.nextPacket() {
        let capture = reader.clock.microsecondsFromStart(packet.presentationTimestamp ?? 0)
        var frame = WireFrame(rig: "bench", camera: "cam01", captureMicroseconds: capture, packet: packet, parameters: reader.codecParameters)
        frame.header.sequence = sequence
        sequence += 1
        try store.append(frame)
    }
    try store.flush()
    return store
}

/// Capture times of 8 cameras at 25 fps for 600 s, each frame 0–3 ms late.
private func retentionWindowCaptureTimes() -> [String: [Int64]] {
    var captureTimes: [String: [Int64]] = [:]
    for camera in 1...8 {
        captureTimes["cam\(camera)"] = (0..<15_000).map { (frame: Int) -> Int64 in
            let lateness = Int64((frame * 7 + camera * 13) % 7) * 500
            return Int64(frame) * 40_000 + lateness
        }
    }
    return captureTimes
}

let benchmarks: @Sendable () -> Void = {
    FFmpegLog.setLevel(.error)
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, framesPerSecond], warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 10,
        teardown: { try? FileManager.default.removeItem(at: scratch) })
    let pixels = TestPattern.movingTexture(width: 1920, height: 1080, frameIndex: 0).pixels

    // Append 50 raw 1080p frames (6.2 MB each, 311 MB) and flush them to disk.
    Benchmark("Append 50 raw 1080p frames", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let store = try freshStore("append")
            let start = ContinuousClock.now
            for index in 0..<50 { try store.append(rawFrame(index, pixels: pixels)) }
            try store.flush()
            let elapsed = ContinuousClock.now - start
            benchmark.measurement(framesPerSecond, Int(50 / elapsed.seconds))
            try? FileManager.default.removeItem(at: store.directory)
        }
    }

    // Open (scan every record, check its CRC, rebuild the index) a store of 50 raw 1080p frames.
    Benchmark("Open a 311 MB store", configuration: configuration) { benchmark, directory in
        for _ in benchmark.scaledIterations {
            let store = try ReplayStore(directory: directory, access: .readOnly)
            precondition(store.index(camera: "cam01").count == 50, "the store lost frames")
            blackHole(store)
        }
    } setup: {
        let store = try freshStore("open")
        for index in 0..<50 { try store.append(rawFrame(index, pixels: pixels)) }
        try store.close()
        return store.directory
    }

    // What a live server's refresh does every second: group a full retention window (600 s of 8
    // cameras at 25 fps, 120,000 capture times, each camera up to 3 ms off) into moments.
    Benchmark("Synchronize 600 s of 8 cameras at 25 fps", configuration: configuration) { benchmark, captureTimes in
        let synchronizer = Synchronizer(cameras: captureTimes.keys.sorted(), toleranceMicroseconds: 20_000)
        for _ in benchmark.scaledIterations { blackHole(synchronizer.moments(captureTimes)) }
    } setup: {
        retentionWindowCaptureTimes()
    }

    guard FileManager.default.fileExists(atPath: realFootagePath) else { return }

    // The last of 100 frames of real H.264, cold: decode from the keyframe 99 packets back.
    Benchmark("Decode last frame of real H.264 from the store, cold", configuration: configuration) { benchmark, store in
        let last = store.index(camera: "cam01").map(\.captureMicroseconds).max()!
        for _ in benchmark.scaledIterations {
            let decoder = ReplayDecoder(store: store)
            blackHole(try decoder.image(camera: "cam01", captureMicroseconds: last))
        }
    } setup: {
        try footageStore()
    }

    // Every frame in order, as a replay plays: each packet decoded once.
    Benchmark("Play 100 frames of real H.264 from the store", configuration: configuration) { benchmark, store in
        let times = store.captureTimes(camera: "cam01")
        for _ in benchmark.scaledIterations {
            let decoder = ReplayDecoder(store: store)
            let start = ContinuousClock.now
            for time in times { blackHole(try decoder.image(camera: "cam01", captureMicroseconds: time)) }
            let elapsed = ContinuousClock.now - start
            benchmark.measurement(framesPerSecond, Int(Double(times.count) / elapsed.seconds))
        }
    } setup: {
        try footageStore()
    }
}

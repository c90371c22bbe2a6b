import Benchmark
import Foundation
import VantageGeometry
import VantageMedia
import VantageSample
import VantageSynthesis

/// The stadium's bounds as `Calibration/stadium.json` gives them.
private let stadiumBounds = SceneBounds.box(min: [-95, -75, -1], max: [95, 75, 34])

/// One moment of the synthetic stadium at 1280×720: eight source views and a truth camera between
/// them as the target; with `exactDepth`, also each source's depth as the renderer knew it.
private struct StadiumMoment {
    let moment: Moment
    let target: Camera
    let exactDepth: [String: DepthEstimate]

    init(exactDepth keepDepth: Bool = false) {
        let size = ImageSize(width: 1280, height: 720)
        let scene = StadiumScene(seed: 1)
        let mesh = scene.mesh(atSeconds: 2)
        var views: [SourceView] = []
        var depth: [String: DepthEstimate] = [:]
        for camera in scene.cameras.sourceCameras(count: 8, size: size) {
            let rendered = ViewRenderer.render(scene, mesh: mesh, camera: camera)
            views.append(SourceView(camera: camera, image: PlanarFloatImage(rendered.image)))
            if keepDepth {
                depth[camera.name] = DepthEstimate(depth: rendered.depth, confidence: [Float](repeating: 1, count: rendered.depth.values.count))
            }
        }
        moment = Moment(captureMicroseconds: 2_000_000, views: views)
        target = scene.cameras.truthCameras(count: 1, size: size, sourceCount: 8)[0]
        exactDepth = depth
    }
}

/// Ground-truth depth at hand, as if stereo had been perfect.
private struct ExactDepth: DepthProvider {
    let depth: [String: DepthEstimate]
    func depth(of camera: String, in moment: Moment) throws(SynthesisError) -> DepthEstimate { depth[camera]! }
}

/// Exactly 4 sources per render: the 4 best ranked, never more when holes remain.
private let fourSources: ImageBasedModelOptions = {
    var options = ImageBasedModelOptions()
    options.sourceCount = 4
    options.maximumSourceCount = 4
    return options
}()

private let residentAfterSetup = BenchmarkMetric.custom("resident after setup (MB)", useScalingFactor: false)
private let peakBeyondSetup = BenchmarkMetric.custom("peak resident beyond setup (MB)", useScalingFactor: false)

/// glibc's `malloc_trim`, which hands freed heap pages back to the system (Swift's Glibc module
/// leaves out `malloc.h`); nil where the C library has none.
private let mallocTrim = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim")
    .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }

/// A resident-memory field of /proc/self/status in bytes: "VmRSS" (now) or "VmHWM" (the peak since
/// the last reset); nil off Linux.
private func residentBytes(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
          let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1]) else { return nil }
    return kilobytes << 10
}

/// Runs `work` for the benchmark's iterations, timing only them, and records how much resident
/// memory they need beyond what setup left in place. package-benchmark's `peakMemoryResident` is the
/// whole process's, inputs included, so: freed heap goes back to the system (`malloc_trim`), the
/// kernel's peak-resident mark is reset to the current size (5 → /proc/self/clear_refs), and the
/// figure is the peak after the iterations (VmHWM) minus the size at the reset (VmRSS).
private func measureIterations(_ benchmark: Benchmark, _ work: () throws -> Void) rethrows {
    _ = mallocTrim?(0)
    let resetPeak = FileHandle(forWritingAtPath: "/proc/self/clear_refs").map { (try? $0.write(contentsOf: Data("5".utf8))) != nil } ?? false
    let before = residentBytes("VmRSS")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { try work() }
    benchmark.stopMeasurement()
    if resetPeak, let before, let peak = residentBytes("VmHWM") {
        benchmark.measurement(residentAfterSetup, before / 1_000_000)
        benchmark.measurement(peakBeyondSetup, (peak - before) / 1_000_000)
    }
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, residentAfterSetup, peakBeyondSetup]

    // Render: one 1280×720 target from exactly 4 sources through the product's depth path, a
    // `StereoDepthProvider` with its `DepthCache`, as `ImageBasedModel(rig:frames:)` wires it for a
    // video rig's depth (without its background layers). A render in setup fills the cache, so each iteration finds the 4 sources' depth there and
    // measures warping, the z-test, surface choice, blending and hole filling.
    Benchmark("Render 1280x720 from 4 sources, stereo depth cached",
              configuration: .init(metrics: metrics + [.mallocCountTotal], warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 30)
    ) { (benchmark, input: (stadium: StadiumMoment, model: ImageBasedModel, cache: DepthCache)) in
        let (stadium, model, cache) = input
        try measureIterations(benchmark) { blackHole(try model.render(stadium.moment, target: stadium.target)) }
        precondition(cache.statistics.misses == 4, "a measured render estimated depth: \(cache.statistics)")
    } setup: {
        let stadium = StadiumMoment()
        let cache = DepthCache()
        let provider = try StereoDepthProvider(bounds: stadiumBounds, groundHeight: fourSources.groundHeight, cache: cache)
        let model = try ImageBasedModel(bounds: stadiumBounds, options: fourSources, depthProvider: provider)
        _ = try model.render(stadium.moment, target: stadium.target)
        return (stadium, model, cache)
    }

    // The same render on the sources' exact depth: the renderer's cost when the sources agree (stereo
    // depth's errors make surface choice and hole filling work harder); not the product's path.
    Benchmark("Render 1280x720 from 4 sources, exact depth (not the product's path)",
              configuration: .init(metrics: metrics, warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 30)
    ) { (benchmark, input: (stadium: StadiumMoment, model: ImageBasedModel)) in
        try measureIterations(benchmark) { blackHole(try input.model.render(input.stadium.moment, target: input.stadium.target)) }
    } setup: {
        let stadium = StadiumMoment(exactDepth: true)
        return (stadium, try ImageBasedModel(bounds: stadiumBounds, options: fourSources, depthProvider: ExactDepth(depth: stadium.exactDepth)))
    }

    // Depth: plane-sweep stereo for one 1280×720 source camera against its 4 chosen neighbours, no cache
    // and no ground prior (`StereoDepthProvider` adds that on top).
    Benchmark("Depth 1280x720 with 4 neighbours",
              configuration: .init(metrics: metrics, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 20)
    ) { (benchmark, input: (estimator: PlaneSweepDepth, reference: SourceView, neighbours: [SourceView], range: DepthRange)) in
        let (estimator, reference, neighbours, range) = input
        measureIterations(benchmark) { blackHole(estimator.estimate(reference: reference, neighbours: neighbours, range: range)) }
    } setup: {
        let moment = StadiumMoment().moment
        let reference = moment.views[0]
        let names = PlaneSweepDepth.neighbours(of: reference.camera, among: moment.views.dropFirst().map(\.camera), count: 4)
        let range = DepthRange.of(reference.camera, bounds: stadiumBounds, rigCameras: moment.views.map(\.camera))!
        return (try PlaneSweepDepth(), reference, names.map { moment.view(named: $0)! }, range)
    }
}

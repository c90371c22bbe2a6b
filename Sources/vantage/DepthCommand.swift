import ArgumentParser
import Foundation
import VantageGeometry
import VantageMedia
import VantageSynthesis

/// `vantage depth`: multi-view stereo depth of one rig camera at one moment.
struct DepthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "depth",
        abstract: "Estimate one camera's depth at one moment from its nearest neighbours (plane-sweep stereo).",
        discussion: """
            Writes metres along the camera's optical axis (camera z) per pixel of the camera's frames as a \
            greyscale PFM; pixels whose confidence is below --min-confidence, and backdrop, are inf. \
            Depth is searched within the range --range chooses (or --near...--far). The neighbours are the \
            cameras with frames whose optical axes are closest in direction to this camera's.
            """)

    @OptionGroup var rigOption: RigOption

    @Option(help: "The camera whose depth to estimate.")
    var camera: String

    @OptionGroup var when: ReplayTimeOptions

    @Option(help: "How many neighbouring cameras to match against.")
    var neighbours = DepthOptions().neighbourCount

    @Option(help: "Most inverse-depth planes of the sweep (fewer when the baseline and range need fewer).")
    var planes = DepthOptions().maximumPlaneCount

    @Option(help: "Widest image (pixels) on which the full sweep runs; finer pyramid levels only refine.")
    var sweepWidth = DepthOptions().maximumSweepWidth

    /// Where the searched depth range comes from.
    enum RangeSource: String, ExpressibleByArgument, CaseIterable {
        case auto, rig, convergence
    }

    @Option(help: """
        Depth range to search: rig (the rig's bounds alone; a box around the camera itself, as in a stadium, starts \
        the search at a tenth of its farthest depth), convergence (around where the optical axes meet, ± 2 radii of \
        the sphere every camera sees), or auto (what rendering uses: the rig's bounds, a box around the camera \
        starting at the convergence estimate's near end; convergence without bounds).
        """)
    var range = RangeSource.auto

    @Option(help: "Nearest depth to search, in world units (with --far; overrides --range).")
    var near: Double?

    @Option(help: "Farthest depth to search, in world units (with --near).")
    var far: Double?

    @Option(help: "Confidence (0...1) below which a pixel's depth is written as inf.")
    var minConfidence = DepthOptions().minimumConfidence

    @Option(help: "The depth map to write (.pfm).")
    var output: String?

    @Option(help: "A greyscale preview to write (.png or .jpg): near is bright, unknown is black.")
    var preview: String?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    /// The options the flags ask for.
    var depthOptions: DepthOptions {
        var options = DepthOptions()
        options.neighbourCount = neighbours
        options.maximumPlaneCount = planes
        options.maximumSweepWidth = sweepWidth
        options.minimumConfidence = minConfidence
        return options
    }

    func validate() throws {
        do { try depthOptions.validate() } catch { throw ValidationError(error.message + " (see --neighbours, --planes, --sweep-width, --min-confidence)") }
        if (near == nil) != (far == nil) { throw ValidationError("give --near and --far together") }
        if let near, let far, !(near > 0 && far > near && far.isFinite) {
            throw ValidationError("--near \(near) and --far \(far) must satisfy 0 < near < far < inf")
        }
        if let output, !output.lowercased().hasSuffix(".pfm") { throw ValidationError("--output must be a .pfm file, got \(output)") }
        if let preview { _ = try ImageFormat(inferringFromPath: preview) }
    }

    func run() throws {
        do { try estimate() } catch let error as SynthesisError {
            // One line that names the rig file, like the rig readers' errors.
            throw InputError(rigOption.rig, error.message)
        }
    }

    private func estimate() throws {
        let depth = try PlaneSweepDepth(options: depthOptions)

        let rig = rigOption.rig
        let loadedRig = try rigOption.load()
        guard loadedRig.camera(named: camera) != nil else {
            throw InputError(rig, at: "cameras", "no camera named '\(camera)'; the rig has \(loadedRig.cameras.map(\.camera.name).joined(separator: ", "))")
        }
        let source = try rigOption.frames(of: loadedRig)
        guard source.sourceNames.contains(camera) else {
            let reason = (source as? RigFrameSource)?.unavailable[camera] ?? (rigOption.store == nil ? "it names no media" : "the store holds none of its frames")
            throw InputError(rig, at: "cameras[\(camera)].media", "camera '\(camera)' delivers no frames: \(reason)")
        }
        let referenceCamera = source.camera(named: camera)!
        let candidates = source.cameras.filter { source.sourceNames.contains($0.name) }
        let partners = PlaneSweepDepth.neighbours(of: referenceCamera, among: candidates, count: neighbours)
        guard !partners.isEmpty else {
            throw InputError(rig, at: "cameras", "no other camera with frames faces the scene of '\(camera)' from a different place")
        }
        let replayTime = when.replayTime
        let moment = try source.moment(at: replayTime, cameras: Set([camera] + partners))
        guard let reference = moment.view(named: camera) else {
            throw InputError(rig, at: "cameras[\(camera)].media", "no readable frame at \(replayTime)")
        }
        let views = partners.compactMap { moment.view(named: $0) }
        guard let range = depthRange(for: reference.camera, rig: loadedRig, rigCameras: source.cameras) else {
            throw InputError(rig, at: "bounds", "no depth range for '\(camera)': give bounds {near, far} or a box in front of it")
        }

        let started = Date(), startedCPU = Self.processCPUSeconds()
        let estimate = depth.estimate(reference: reference, neighbours: views, range: range)
        let seconds = Date().timeIntervalSince(started), cpuSeconds = Self.processCPUSeconds() - startedCPU
        var map = estimate.depth
        for index in map.values.indices where estimate.confidence[index] < minConfidence { map.values[index] = .infinity }
        if let output { try map.writePFM(to: output) }
        if let preview { try ImageIO.write(Self.preview(map, range: range), to: preview) }

        let known = Double(map.values.filter(\.isFinite).count) / Double(map.values.count)
        let used = views.map(\.name)
        if json {
            var fields: [(String, JSONValue)] = [
                ("camera", .string(camera)), ("captureMicroseconds", .int(moment.captureMicroseconds)),
                ("neighbours", .array(used.map(JSONValue.string))),
                ("width", .int(Int64(map.width))), ("height", .int(Int64(map.height))),
                ("near", .number(range.near)), ("far", .number(range.far)),
                ("knownFraction", .number(known)), ("seconds", .number(seconds)), ("cpuSeconds", .number(cpuSeconds)),
            ]
            if let output { fields.append(("output", .string(output))) }
            print(JSONValue.object(fields).serialized(), terminator: "")
        } else {
            print("\(camera) at \(replayTime): \(map.width)x\(map.height) depth from \(used.joined(separator: ", ")) in \(fixed(seconds, 2)) s "
                  + "(\(fixed(cpuSeconds, 2)) s of CPU); "
                  + "range \(fixed(range.near, 2))...\(fixed(range.far, 2)), \(fixed(known * 100, 1)) % known"
                  + (output.map { " → \($0)" } ?? ""))
        }
    }

    private func depthRange(for camera: Camera, rig: Rig, rigCameras: [Camera]) -> DepthRange? {
        if let near, let far { return DepthRange(near: near, far: far) }
        switch range {
        case .rig: return rig.bounds == nil ? nil : DepthRange.of(camera, bounds: rig.bounds, rigCameras: [])
        case .convergence: return DepthRange.of(camera, bounds: nil, rigCameras: rigCameras)
        case .auto: return DepthRange.of(camera, bounds: rig.bounds, rigCameras: rigCameras)
        }
    }

    /// User and system time of this process so far, all threads.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Inverse depth scaled over the range: near white, far dark grey, unknown black.
    static func preview(_ map: DepthMap, range: DepthRange) -> RGBImage {
        let nearInverse = 1 / range.near, farInverse = 1 / range.far
        var pixels = [UInt8](repeating: 0, count: map.values.count * 3)
        for (index, depth) in map.values.enumerated() where depth.isFinite && depth > 0 {
            let t = min(1, max(0, (1 / Double(depth) - farInverse) / (nearInverse - farInverse)))
            let level = UInt8(40 + 215 * t)
            pixels[index * 3] = level; pixels[index * 3 + 1] = level; pixels[index * 3 + 2] = level
        }
        return RGBImage(width: map.width, height: map.height, pixels: pixels)
    }
}

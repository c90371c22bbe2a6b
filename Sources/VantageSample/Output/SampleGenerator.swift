import Foundation
import VantageGeometry
import VantageMedia

/// How far a sample has got, reported after every frame.
public struct SampleProgress: Sendable {
    public var framesDone: Int
    public var frameCount: Int
    public var elapsedSeconds: Double
}

/// What a finished sample holds.
public struct SampleSummary: Sendable {
    public var folder: URL
    public var frameCount: Int
    public var sourceCameras: [String]
    public var truthCameras: [String]
    public var elapsedSeconds: Double
}

/// Renders the synthetic stadium into a sample folder: source videos with their rig, truth
/// cameras' frames with theirs, per-frame depth, a contact sheet and a manifest. Everything is
/// written into a hidden partial folder that is renamed into place only when complete.
public enum SampleGenerator {
    public static func generate(_ options: SampleOptions, progress: (SampleProgress) -> Void = { _ in }) throws -> SampleSummary {
        try options.validate()
        let clock = ContinuousClock(), start = clock.now
        let partial = PartialFolder(final: options.output)
        try partial.create()
        let layout = SampleLayout(folder: partial.url)
        let scene = StadiumScene(seed: options.seed)
        let sources = scene.cameras.sourceCameras(count: options.cameras, size: options.size)
        let truths = scene.cameras.truthCameras(count: options.truthCameras, size: options.size, sourceCount: options.cameras)
        let gains = StadiumCameras.exposureGains(count: options.cameras, seed: options.seed)
        let writers = try sources.map { camera in
            try VideoWriter(path: layout.folder.appendingPathComponent(SampleLayout.videoName(camera.name)).path,
                            options: VideoWriterOptions(width: options.size.width, height: options.size.height,
                                                        frameRate: MediaRational(Int32(options.framesPerSecond), 1),
                                                        crf: 18, preset: "veryfast", gopSize: options.framesPerSecond))
        }
        let depthCameras = options.depthCameras(sources: sources, truths: truths)
        try createFolders(layout, truths: truths, depthCameras: depthCameras)
        var contactTiles: [(label: String, image: RGBImage)] = []
        let depthFor = Set(depthCameras.map(\.name))
        for frame in 0..<options.frameCount {
            let seconds = Double(frame) / Double(options.framesPerSecond)
            let mesh = scene.mesh(atSeconds: seconds)
            func depthFile(_ camera: Camera) -> URL? { depthFor.contains(camera.name) ? layout.depth(camera.name, frame: frame) : nil }
            let sourceOutputs = sources.indices.map { index in
                FrameOutput(view: ViewRenderer.render(scene, mesh: mesh, camera: sources[index], exposure: gains[index]),
                            video: writers[index], depth: depthFile(sources[index]))
            }
            let truthOutputs = truths.map { camera in
                FrameOutput(view: ViewRenderer.render(scene, mesh: mesh, camera: camera),
                            picture: layout.truthFrame(camera.name, frame: frame), depth: depthFile(camera))
            }
            try FrameOutput.writeAll(sourceOutputs + truthOutputs)
            if frame == options.contactSheetFrame {
                contactTiles = zip(sources + truths, sourceOutputs + truthOutputs).map { ($0.name, $1.view.image) }
            }
            progress(SampleProgress(framesDone: frame + 1, frameCount: options.frameCount,
                                    elapsedSeconds: (clock.now - start).seconds))
        }
        for writer in writers { try writer.finish() }
        let caption = "stadium  seed \(options.seed)  t = \(String(format: "%.2f", Double(options.contactSheetFrame) / Double(options.framesPerSecond))) s"
        try ImageIO.write(ContactSheet.make(tiles: contactTiles, caption: caption), to: layout.contactSheet.path, format: .png)
        try writeRigs(sources: sources, truths: truths, layout: layout)
        try Data(SampleManifest.json(options, sources: sources, truths: truths, gains: gains).utf8).write(to: layout.manifest)
        try partial.commit(replacing: options.overwrite)
        return SampleSummary(folder: options.output, frameCount: options.frameCount, sourceCameras: sources.map(\.name),
                             truthCameras: truths.map(\.name), elapsedSeconds: (clock.now - start).seconds)
    }

    /// The rigs of a sample: sources with their videos, truth cameras with their frame sequences.
    public static func rigs(_ options: SampleOptions) -> (sources: Rig, truths: Rig) {
        let cameras = StadiumScene(seed: options.seed).cameras
        return rigs(sources: cameras.sourceCameras(count: options.cameras, size: options.size),
                    truths: cameras.truthCameras(count: options.truthCameras, size: options.size, sourceCount: options.cameras))
    }

    private static func rigs(sources: [Camera], truths: [Camera]) -> (sources: Rig, truths: Rig) {
        (rig("stadium", sources, media: SampleLayout.videoName), rig("stadium-truth", truths, media: SampleLayout.truthFramePattern))
    }

    private static func rig(_ name: String, _ cameras: [Camera], media: (String) -> String) -> Rig {
        Rig(name: name,
            world: WorldFrame(units: .metres, up: "+z", note: "pitch centre at the origin, x along the touchlines, 105 m × 68 m on z = 0"),
            bounds: sceneBounds,
            cameras: cameras.map { RigCamera($0, media: MediaReference(location: media($0.name))) })
    }

    /// The stadium's extent: run-off, stands and their back wall.
    private static var sceneBounds: SceneBounds {
        let halfLength = Double(StadiumLayout.runOffHalfLength + StadiumLayout.standDepth)
        let halfWidth = Double(StadiumLayout.runOffHalfWidth + StadiumLayout.standDepth)
        let top = Double(StadiumLayout.standHeight + StadiumLayout.backWallHeight)
        return .box(min: [-halfLength, -halfWidth, -1], max: [halfLength, halfWidth, top])
    }

    private static func writeRigs(sources: [Camera], truths: [Camera], layout: SampleLayout) throws {
        let rigs = rigs(sources: sources, truths: truths)
        try RigFile.write(rigs.sources, to: layout.sourceRig)
        if !truths.isEmpty { try RigFile.write(rigs.truths, to: layout.truthRig) }
    }

    private static func createFolders(_ layout: SampleLayout, truths: [Camera], depthCameras: [Camera]) throws {
        let folders = truths.map { layout.truthFrame($0.name, frame: 0).deletingLastPathComponent() }
            + depthCameras.map { layout.depth($0.name, frame: 0).deletingLastPathComponent() }
        for folder in folders { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    }
}

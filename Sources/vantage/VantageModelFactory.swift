import VantageGeometry
import VantageSynthesis

/// Builds Vantage's own view model for a rig the way the commands use it.
enum VantageModelFactory {
    /// The ground is the world plane z = 0 when the rig says its world is z-up (Vantage's
    /// convention: the pitch is z = 0). Video rigs get background layers; still-image rigs
    /// (one frame) have no past to take a background from.
    static func make(rig: Rig, frames: RigFrameSource, options: ImageBasedModelOptions = .init()) throws -> ImageBasedModel {
        var options = options
        if rig.world.up != "+z" { options.groundHeight = nil }
        let stereo = try StereoDepthProvider(bounds: rig.bounds, groundHeight: options.groundHeight)
        let isVideo = frames.durationSeconds * frames.framesPerSecond > 1.5
        let depth: any DepthProvider = isVideo ? LayeredDepthProvider(stereo: stereo, frames: frames) : stereo
        return try ImageBasedModel(bounds: rig.bounds, options: options, depthProvider: depth)
    }
}

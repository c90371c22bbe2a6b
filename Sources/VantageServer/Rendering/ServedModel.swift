import VantageGeometry
import VantageSynthesis

/// The view model as `ImageBasedModel(rig:frames:)` builds it for a replay, but with the depth
/// cache in hand so that `/metrics` can report its hit rate: stereo depth, the ground plane
/// z = 0 in a z-up world, background layers for video.
enum ServedModel {
    static func make(rig: Rig, frames: any FrameSource, cacheBytes: Int) throws(SynthesisError) -> (model: ImageBasedModel, cache: DepthCache) {
        var options = ImageBasedModelOptions()
        if rig.world.up != "+z" { options.groundHeight = nil }
        let cache = DepthCache(capacityBytes: cacheBytes)
        let stereo = try StereoDepthProvider(bounds: rig.bounds, groundHeight: options.groundHeight, options: DepthOptions(), cache: cache)
        let isVideo = frames.durationSeconds * frames.framesPerSecond > 1.5
        let depth: any DepthProvider = isVideo ? LayeredDepthProvider(stereo: stereo, frames: frames) : stereo
        return (try ImageBasedModel(bounds: rig.bounds, options: options, depthProvider: depth), cache)
    }
}

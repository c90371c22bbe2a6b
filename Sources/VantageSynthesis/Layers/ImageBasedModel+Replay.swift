import VantageGeometry

extension ImageBasedModel {
    /// The model as the product runs it on a rig's replay: stereo depth kept in `cache` (2 GiB by
    /// default; pass one to read its statistics); the ground is the world plane z = 0 when the rig
    /// says its world is z-up (Vantage's convention: the pitch is z = 0); video rigs get background
    /// layers, still-image rigs (one frame) have no past to take a background from.
    public convenience init(rig: Rig, frames: any FrameSource, options: ImageBasedModelOptions = .init(),
                            depthOptions: DepthOptions = DepthOptions(), cache: DepthCache = DepthCache(capacityBytes: 2 << 30)) throws(SynthesisError) {
        var options = options
        if rig.world.up != "+z" { options.groundHeight = nil }
        let stereo = try StereoDepthProvider(bounds: rig.bounds, groundHeight: options.groundHeight, options: depthOptions,
                                             cache: cache)
        let isVideo = frames.durationSeconds * frames.framesPerSecond > 1.5
        let depth: any DepthProvider = isVideo ? LayeredDepthProvider(stereo: stereo, frames: frames) : stereo
        try self.init(bounds: rig.bounds, options: options, depthProvider: depth)
    }
}

import VantageMedia

/// Target pixels no source warped anything into look at empty space when their ray never enters
/// the visual hull of masked views: they take the sources' backdrop colour. The others are real
/// disocclusions, left for inpainting.
enum BackdropCarving {
    /// `hullEntry`: per target pixel, where its ray enters the visual hull (`VisualHull.entryDepths`).
    static func carve(_ blended: inout BlendedView, hullEntry: [Float], backdropColour: SIMD3<Float>) {
        let planeSize = blended.depth.count
        for pixel in 0..<planeSize where !blended.depth[pixel].isFinite && !hullEntry[pixel].isFinite {
            blended.depth[pixel] = DepthSplatting.backdrop
            blended.confidence[pixel] = 0.5
            for channel in 0..<3 { blended.image.samples[channel * planeSize + pixel] = backdropColour[channel] }
        }
    }
}

import VantageMedia

/// The parts of a frame that differ from its background plate (players, the ball), as connected
/// blobs with the pixel each one stands on.
struct ForegroundBlobs {
    /// Per pixel, the blob it belongs to, or -1 for background.
    let label: [Int32]
    /// Per blob, its lowest pixel (x, y): where a player meets the ground.
    let feet: [(x: Int, y: Int)]
    let width: Int

    /// Largest per-channel difference (0...1) that still counts as background.
    static let threshold: Float = 0.1
    /// Blobs smaller than this many pixels are noise (compression, flicker) and stay background.
    static let minimumArea = 12

    init(frame: PlanarFloatImage, plate: PlanarFloatImage) {
        let width = frame.width, height = frame.height, planeSize = width * height
        var moving = [Bool](repeating: false, count: planeSize)
        for pixel in 0..<planeSize {
            var difference: Float = 0
            for channel in 0..<3 {
                difference = max(difference, abs(frame.samples[channel * planeSize + pixel] - plate.samples[channel * planeSize + pixel]))
            }
            moving[pixel] = difference > Self.threshold
        }
        var label = [Int32](repeating: -1, count: planeSize)
        var feet: [(x: Int, y: Int)] = []
        var stack: [Int] = []
        for seed in 0..<planeSize where moving[seed] && label[seed] < 0 {
            let blob = Int32(feet.count)
            var members: [Int] = []
            stack.append(seed)
            label[seed] = blob
            while let pixel = stack.popLast() {
                members.append(pixel)
                let x = pixel % width, y = pixel / width
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
                where nx >= 0 && ny >= 0 && nx < width && ny < height && moving[ny * width + nx] && label[ny * width + nx] < 0 {
                    label[ny * width + nx] = blob
                    stack.append(ny * width + nx)
                }
            }
            if members.count < Self.minimumArea {
                for pixel in members { label[pixel] = -1 }
                continue
            }
            let lowest = members.max { $0 / width < $1 / width || ($0 / width == $1 / width && $0 > $1) }!
            feet.append((lowest % width, lowest / width))
        }
        self.label = label
        self.feet = feet
        self.width = width
    }
}

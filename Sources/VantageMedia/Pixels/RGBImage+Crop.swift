extension RGBImage {
    /// The `width`×`height` rectangle whose top-left pixel is (`x`, `y`), clipped to the image;
    /// nil when nothing of it lies inside.
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> RGBImage? {
        let left = min(max(0, x), self.width), top = min(max(0, y), self.height)
        let right = min(self.width, max(left, x + width)), bottom = min(self.height, max(top, y + height))
        guard right > left && bottom > top else { return nil }
        var pixels: [UInt8] = []
        pixels.reserveCapacity((right - left) * (bottom - top) * 3)
        for row in top..<bottom {
            pixels += self.pixels[(row * self.width + left) * 3..<(row * self.width + right) * 3]
        }
        return RGBImage(width: right - left, height: bottom - top, pixels: pixels)
    }
}

extension RGBImage {
    /// Draws `text` as one line in `BitmapFont`, each font pixel a `scale`×`scale` block (scale ≥ 1).
    ///
    /// `origin` is the top-left corner of the first glyph. With `background`, a box reaching one font pixel
    /// beyond the text on every side is filled first, for legibility. Whatever falls outside the image is clipped.
    public mutating func draw(text: String, at origin: (x: Int, y: Int), scale: Int = 1,
                              color: (red: UInt8, green: UInt8, blue: UInt8) = (255, 255, 255),
                              background: (red: UInt8, green: UInt8, blue: UInt8)? = nil) {
        precondition(scale >= 1, "text scale must be at least 1, got \(scale)")
        guard !text.isEmpty else { return }
        if let background {
            let size = BitmapFont.size(of: text, scale: scale)
            fillRectangle(x: origin.x - scale, y: origin.y - scale,
                          width: size.width + 2 * scale, height: size.height + 2 * scale, color: background)
        }
        var glyphLeft = origin.x
        for character in text {
            guard glyphLeft < width else { break }
            for (row, bits) in BitmapFont.rows(for: character).enumerated() {
                for column in 0..<BitmapFont.glyphWidth where bits & (0x10 >> column) != 0 {
                    fillRectangle(x: glyphLeft + column * scale, y: origin.y + row * scale, width: scale, height: scale, color: color)
                }
            }
            glyphLeft += BitmapFont.advance * scale
        }
    }

    /// Fills the part of the rectangle with top-left corner (x, y) that lies inside the image.
    public mutating func fillRectangle(x: Int, y: Int, width rectangleWidth: Int, height rectangleHeight: Int,
                                       color: (red: UInt8, green: UInt8, blue: UInt8)) {
        let left = max(x, 0), right = min(x + rectangleWidth, width)
        let top = max(y, 0), bottom = min(y + rectangleHeight, height)
        guard left < right, top < bottom else { return }
        let imageWidth = width
        pixels.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            for row in top..<bottom {
                var pixel = base + (row &* imageWidth &+ left) &* 3
                for _ in left..<right {
                    pixel[0] = color.red
                    pixel[1] = color.green
                    pixel[2] = color.blue
                    pixel += 3
                }
            }
        }
    }
}

/// A grid of labelled thumbnails (e.g. one per camera of a moment) in one image, for eyeballing a rig.
public enum ContactSheet {
    /// Colour of the gutters between tiles and of the space a shorter tile leaves in its row.
    public static let gutterColor: (red: UInt8, green: UInt8, blue: UInt8) = (24, 24, 24)
    /// Width of the gutters around and between tiles, in pixels.
    public static let gutterWidth = 4

    /// The tiles, each area-averaged to `tileWidth` pixels wide (aspect kept) and top-aligned in its cell,
    /// in a grid of `columns` (default: the smallest c with c² ≥ count, e.g. 4 for 12 tiles, which suits
    /// 16:9 tiles), each labelled in its top-left corner in white on black; `caption`, if any, in a strip above.
    ///
    /// Labels longer than the tile are cut to fit. `tiles` must not be empty; `columns` and `tileWidth` are positive.
    public static func make(tiles: [(label: String, image: RGBImage)], columns: Int? = nil, tileWidth: Int = 480,
                            caption: String? = nil) -> RGBImage {
        precondition(!tiles.isEmpty, "a contact sheet needs at least one tile")
        precondition(tileWidth > 0, "tileWidth must be positive, got \(tileWidth)")
        let columnCount = columns ?? defaultColumns(for: tiles.count)
        precondition(columnCount > 0, "columns must be positive, got \(columnCount)")
        let rowCount = (tiles.count + columnCount - 1) / columnCount
        let thumbnails = tiles.map { tile in
            let height = max(1, (tileWidth * tile.image.height + tile.image.width / 2) / tile.image.width)
            return tile.image.resized(width: tileWidth, height: height)
        }
        let cellHeight = thumbnails.map(\.height).max()!
        let textScale = max(1, tileWidth / 240)
        let captionHeight = caption == nil ? 0 : (BitmapFont.glyphHeight + 4) * textScale

        var sheet = RGBImage(width: columnCount * tileWidth + (columnCount + 1) * gutterWidth,
                             height: captionHeight + rowCount * cellHeight + (rowCount + 1) * gutterWidth)
        sheet.fillRectangle(x: 0, y: 0, width: sheet.width, height: sheet.height, color: gutterColor)
        if let caption {
            sheet.fillRectangle(x: 0, y: 0, width: sheet.width, height: captionHeight, color: (0, 0, 0))
            sheet.draw(text: caption, at: (gutterWidth, 2 * textScale), scale: textScale)
        }
        let labelCharacters = max(0, (tileWidth - 3 * textScale) / (BitmapFont.advance * textScale))
        for (index, thumbnail) in thumbnails.enumerated() {
            let left = gutterWidth + (index % columnCount) * (tileWidth + gutterWidth)
            let top = captionHeight + gutterWidth + (index / columnCount) * (cellHeight + gutterWidth)
            sheet.paste(thumbnail, left: left, top: top)
            sheet.draw(text: String(tiles[index].label.prefix(labelCharacters)), at: (left + 2 * textScale, top + 2 * textScale),
                       scale: textScale, background: (0, 0, 0))
        }
        return sheet
    }

    /// The smallest column count c with c² ≥ `count`.
    static func defaultColumns(for count: Int) -> Int {
        var columns = 1
        while columns * columns < count { columns += 1 }
        return columns
    }
}

extension RGBImage {
    /// Copies `image` with its top-left corner at (left, top); it must fit inside this image.
    mutating func paste(_ image: RGBImage, left: Int, top: Int) {
        precondition(left >= 0 && top >= 0 && left + image.width <= width && top + image.height <= height,
                     "\(image.width)x\(image.height) at (\(left), \(top)) does not fit in \(width)x\(height)")
        let destinationStride = rowStride, sourceStride = image.rowStride
        pixels.withUnsafeMutableBufferPointer { destination in
            image.pixels.withUnsafeBufferPointer { source in
                for row in 0..<image.height {
                    let destinationOffset: Int = (top &+ row) &* destinationStride &+ left &* 3
                    let sourceOffset: Int = row &* sourceStride
                    (destination.baseAddress! + destinationOffset).update(from: source.baseAddress! + sourceOffset, count: sourceStride)
                }
            }
        }
    }
}

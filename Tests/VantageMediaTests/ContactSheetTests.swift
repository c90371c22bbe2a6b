import Testing
@testable import VantageMedia

struct ContactSheetTests {
    static let colours: [(red: UInt8, green: UInt8, blue: UInt8)] = [(200, 30, 30), (30, 200, 30), (30, 30, 200), (220, 220, 40), (40, 220, 220)]

    static func solid(width: Int, height: Int, _ colour: (red: UInt8, green: UInt8, blue: UInt8)) -> RGBImage {
        var image = RGBImage(width: width, height: height)
        image.fillRectangle(x: 0, y: 0, width: width, height: height, color: colour)
        return image
    }

    static func pixel(_ image: RGBImage, _ x: Int, _ y: Int) -> [UInt8] {
        Array(image.pixels[(y * image.width + x) * 3..<(y * image.width + x) * 3 + 3])
    }

    @Test func solidTilesLandInTheirCells() {
        let tiles = Self.colours.enumerated().map { (label: "cam \($0.offset)", image: Self.solid(width: 320, height: 180, $0.element)) }
        let sheet = ContactSheet.make(tiles: tiles, tileWidth: 160, caption: "stadium seed 7, t = 2.00 s")
        // 3 columns × 2 rows of 160×90 tiles, 4 px gutters, an 11 px caption strip (scale 1).
        #expect(sheet.width == 3 * 160 + 4 * 4 && sheet.height == 11 + 2 * 90 + 3 * 4)
        for (index, colour) in Self.colours.enumerated() {
            let left = 4 + (index % 3) * 164, top = 11 + 4 + (index / 3) * 94
            #expect(Self.pixel(sheet, left + 80, top + 45) == [colour.red, colour.green, colour.blue], "tile \(index)")
            // The label "cam N" sits in the top-left corner: white glyphs on a black box.
            let labelArea = (left..<left + 40).flatMap { x in (top..<top + 12).map { y in Self.pixel(sheet, x, y) } }
            #expect(labelArea.contains([0, 0, 0]) && labelArea.contains([255, 255, 255]))
            #expect(labelArea.filter { $0 != [colour.red, colour.green, colour.blue] }.count > 50)
        }
        #expect(Self.pixel(sheet, 0, 20) == [24, 24, 24], "gutter")
        #expect((0..<sheet.width).contains { Self.pixel(sheet, $0, 4) == [255, 255, 255] }, "caption text")
        // The sixth cell is empty: gutter colour.
        #expect(Self.pixel(sheet, 4 + 2 * 164 + 80, 15 + 94 + 45) == [24, 24, 24])
    }

    @Test func defaultColumnsSuitWideTiles() {
        #expect([1, 2, 4, 5, 12, 16, 17].map(ContactSheet.defaultColumns(for:)) == [1, 2, 2, 3, 4, 4, 5])
        let tall = ContactSheet.make(tiles: [(label: "a very long camera name that cannot fit", image: Self.solid(width: 90, height: 160, (9, 9, 9)))], tileWidth: 45)
        #expect(tall.width == 45 + 8 && tall.height == 80 + 8)
    }

    @Test func glyphsFollowTheirBitPatterns() {
        var image = RGBImage(width: 11, height: 7)
        image.draw(text: "1a", at: (0, 0))
        // "1": rows 0x04, 0x0C, 0x04, ... with bit 4 leftmost; "a" is drawn as "A" (second glyph starts at x = 6).
        #expect(Self.pixel(image, 2, 0) == [255, 255, 255] && Self.pixel(image, 1, 0) == [0, 0, 0])
        #expect(Self.pixel(image, 1, 1) == [255, 255, 255] && Self.pixel(image, 5, 3) == [0, 0, 0])
        var upper = RGBImage(width: 11, height: 7)
        upper.draw(text: "1A", at: (0, 0))
        #expect(image == upper)
        var unknown = RGBImage(width: 5, height: 7)
        unknown.draw(text: "€", at: (0, 0))
        #expect(Self.pixel(unknown, 0, 0) == [255, 255, 255] && Self.pixel(unknown, 2, 3) == [0, 0, 0], "a box")
        #expect(BitmapFont.size(of: "ab", scale: 3) == (33, 21))
    }

    @Test func textOutsideTheImageIsClipped() {
        var image = RGBImage(width: 20, height: 10)
        image.draw(text: "CLIPPED 100%", at: (-7, -4), scale: 2, background: (0, 0, 90))
        image.draw(text: "edge", at: (17, 8), scale: 3, background: (0, 90, 0))
        image.draw(text: "gone", at: (-1000, 5000), scale: 1, background: (90, 0, 0))
        image.draw(text: "", at: (2, 2), background: (90, 0, 0))
        #expect(Self.pixel(image, 0, 0) != [0, 0, 0], "the visible part of the first text is drawn")
        #expect(Self.pixel(image, 19, 9) == [255, 255, 255], "the top bar of the E of \"edge\"")
        #expect(Self.pixel(image, 15, 6) == [0, 90, 0], "its background box")
        #expect(!(0..<200).contains { Self.pixel(image, $0 % 20, $0 / 20) == [90, 0, 0] }, "text far outside (or empty) draws nothing")
    }

    @Test func resizeAveragesAreas() {
        // 4×2 → 2×1: each output pixel is the mean of a 2×2 block.
        let pixels: [UInt8] = (0..<24).map { UInt8($0 * 10) }
        let shrunk = RGBImage(width: 4, height: 2, pixels: pixels).resized(width: 2, height: 1)
        var expected: [UInt8] = []
        for block in 0..<2 {
            for channel in 0..<3 {
                var sum = 0
                for y in 0..<2 {
                    for x in 0..<2 { sum += Int(pixels[(y * 4 + block * 2 + x) * 3 + channel]) }
                }
                expected.append(UInt8((sum + 2) / 4))
            }
        }
        #expect(shrunk.pixels == expected)
        // A non-integer factor keeps a solid colour exact.
        let solid = Self.solid(width: 37, height: 23, (255, 7, 128)).resized(width: 10, height: 7)
        #expect(solid == Self.solid(width: 10, height: 7, (255, 7, 128)))
    }
}

import Testing
import VantageMedia

struct PixelTests {
    @Test func planarFloatRoundTripIsExact() {
        let image = TestPattern.movingTexture(width: 37, height: 23, frameIndex: 3)
        let planar = PlanarFloatImage(image)
        #expect(planar.channels == 3 && planar.samples.count == 37 * 23 * 3)
        #expect(planar.samples.allSatisfy { (0...1).contains($0) })
        // Pixel (x: 5, y: 2), green channel: plane 1.
        let greenPlaneSample: Float = planar.samples[37 * 23 + 2 * 37 + 5]
        let greenByte: UInt8 = image.pixels[(2 * 37 + 5) * 3 + 1]
        #expect(greenPlaneSample == Float(greenByte) / 255)
        #expect(RGBImage(planar) == image)
    }

    @Test func planarToRGBClampsAndRounds() {
        var planar = PlanarFloatImage(width: 1, height: 1)
        planar.samples = [-0.5, 0.5, 1.7]
        #expect(RGBImage(planar).pixels == [0, 128, 255])
    }

    @Test func psnrKnownValues() {
        let black = RGBImage(width: 4, height: 4)
        #expect(ImageMetrics.psnr(black, black) == .infinity)
        var off = black
        for index in off.pixels.indices { off.pixels[index] = 1 }
        // MSE 1 → 10·log10(255²) ≈ 48.13 dB.
        #expect(abs(ImageMetrics.psnr(black, off) - 48.1308) < 0.001)
    }

    @Test func rgbaCompositesOverBackground() {
        let rgba = RGBAImage(width: 2, height: 1, pixels: [200, 100, 0, 0, 200, 100, 0, 255])
        #expect(RGBImage(compositing: rgba, over: (255, 255, 255)).pixels == [255, 255, 255, 200, 100, 0])
    }

    /// Many writers, readers and converters created and dropped: every owner's deinit runs (no double free).
    @Test func ownersFreeTheirMemory() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("small.ts")
        let options = VideoWriterOptions(width: 96, height: 64, frameRate: MediaRational(30, 1), preset: "ultrafast")
        try writePatternClip(to: path, options: options, count: 12)
        for _ in 0..<20 {
            let reader = try MediaReader(path)
            let converter = PixelConverter()
            var frames: [DecodedFrame] = []
            while let frame = try reader.nextFrame() {
                frames.append(frame)
                _ = try converter.rgbImage(from: frame, width: 48, height: 32)
            }
            #expect(frames.count == 12)
        }
    }
}

@Suite struct CropTests {
    @Test func croppingKeepsTheRectangleAndClipsAtTheEdges() {
        let image = RGBImage(width: 4, height: 3, pixels: (0..<36).map { UInt8($0) })
        let middle = image.cropped(x: 1, y: 1, width: 2, height: 2)
        #expect(middle?.width == 2 && middle?.height == 2)
        #expect(middle?.pixels == [15, 16, 17, 18, 19, 20, 27, 28, 29, 30, 31, 32])
        let clipped = image.cropped(x: 3, y: 2, width: 5, height: 5)
        #expect(clipped?.width == 1 && clipped?.height == 1 && clipped?.pixels == [33, 34, 35])
        #expect(image.cropped(x: 9, y: 9, width: 2, height: 2) == nil)
    }
}

import Foundation
import Testing
import VantageMedia
import VantageTestSupport

struct ImageIOTests {
    static let image = TestPattern.movingTexture(width: 333, height: 201, frameIndex: 7)

    @Test func pngRoundTripIsLossless() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("frame.png")
        try ImageIO.write(Self.image, to: path)
        #expect(try ImageIO.read(path) == Self.image)
        #expect(try directory.contents() == ["frame.png"])
        let rgba = try ImageIO.readRGBA(path)
        #expect(rgba.width == 333 && rgba.height == 201)
        #expect(RGBImage(compositing: rgba, over: (255, 255, 255)) == Self.image, "opaque pixels composite to themselves")
    }

    @Test func jpegRoundTripIsClose() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("frame.jpg")
        try ImageIO.write(Self.image, to: path)
        let decoded = try ImageIO.read(path)
        #expect(decoded.width == 333 && decoded.height == 201)
        let psnr = ImageMetrics.psnr(decoded, Self.image)
        #expect(psnr > 30, "JPEG PSNR \(psnr) dB")
    }

    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func readsRealRGBAPNG() throws {
        let rgba = try ImageIO.readRGBA(SharedData.path("nerf-lego/train/r_0.png"))
        #expect(rgba.width == 800 && rgba.height == 800)
        #expect(rgba.pixels[3] == 0, "the corner of a NeRF render is transparent")
        let composite = RGBImage(compositing: rgba, over: (255, 255, 255))
        #expect(Array(composite.pixels.prefix(3)) == [255, 255, 255])
    }

    @Test func imageErrorsNameTheFile() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("missing.png")
        #expect(throws: MediaError.cannotOpen(source: missing, reason: "No such file or directory")) { try ImageIO.read(missing) }

        let garbage = directory.path("garbage.png")
        try ImageIO.write(Self.image, to: directory.path("ok.png"))
        try Array("not an image at all".utf8).write(to: garbage)
        let error = try #require(throws: MediaError.self) { try ImageIO.read(garbage) }
        #expect(error.description.hasPrefix("\(garbage): not a PNG or JPEG image"))

        let wrongExtension = directory.path("frame.bmp")
        let extensionError = try #require(throws: MediaError.self) { try ImageIO.write(Self.image, to: wrongExtension) }
        #expect(extensionError.description.contains("frame.bmp"))

        let unwritable = directory.path("no/such/folder/frame.png")
        let writeError = try #require(throws: MediaError.self) { try ImageIO.write(Self.image, to: unwritable) }
        #expect(writeError.description.hasPrefix("\(unwritable): cannot open"))
    }
}

extension Array where Element == UInt8 {
    /// Writes the bytes to `path` (test helper for hand-made files).
    func write(to path: String) throws {
        try Data(self).write(to: URL(fileURLWithPath: path))
    }
}

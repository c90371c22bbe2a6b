import Foundation
import Testing
import VantageMedia
import VantageTestSupport

struct PFMTests {
    /// 3×2 depths with the awkward values: inf, -inf, negative, zero, negative zero, a subnormal.
    static let depth = DepthMap(width: 3, height: 2, values: [1.5, .infinity, -2.25, 0, -0.0, Float.leastNonzeroMagnitude])

    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared/data"))
    func readsMiddleburyDisparity() throws {
        let disparity = try PFM.read(SharedData.path("middlebury-motorcycle/disp0GT.pfm"))
        #expect(disparity.width == 741 && disparity.height == 500)
        #expect(disparity.values.count == 741 * 500)
        let finite = disparity.values.filter(\.isFinite)
        #expect(finite.count < disparity.values.count, "occluded pixels are stored as inf")
        #expect(finite.count > disparity.values.count / 2)
        #expect(finite.allSatisfy { (0...300).contains($0) }, "disparities \(finite.min()!)…\(finite.max()!) px")
        // The file's first stored row is the image's bottom row; its first sample is 58.974 px.
        #expect(abs(disparity.values[499 * 741] - 58.974) < 0.001)
    }

    @Test func roundTripIsBitExact() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("depth.pfm")
        try Self.depth.writePFM(to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(13)) == Array("Pf\n3 2\n-1.0\n".utf8) + [0x00], "header, then the bottom row's first sample 0.0")
        let read = try DepthMap(pfmAt: path)
        #expect(read.width == 3 && read.height == 2)
        #expect(read.values.map(\.bitPattern) == Self.depth.values.map(\.bitPattern))
        #expect(read[1, 0] == .infinity && read[2, 0] == -2.25)
        #expect(try directory.contents() == ["depth.pfm"], "no temporary file left behind")
    }

    @Test func readsBigEndianAndColour() throws {
        let directory = try TemporaryDirectory()
        // 2×2, rows bottom to top: bottom row (3, 4), top row (1, inf).
        let bottomToTop: [Float] = [3, 4, 1, .infinity]
        let bigEndian = Array("Pf\n2 2\n1.0\n".utf8) + bottomToTop.flatMap { Self.bytes(of: $0.bitPattern.bigEndian) }
        try bigEndian.write(to: directory.path("big.pfm"))
        let read = try PFM.read(directory.path("big.pfm"))
        #expect(read.width == 2 && read.height == 2 && read.values == [1, .infinity, 3, 4])

        // Colour: the first channel is kept.
        let colour = Array("PF\n2 1\n-1\n".utf8) + [7, 8, 9, -5, 0, 0].flatMap { (value: Float) in Self.bytes(of: value.bitPattern.littleEndian) }
        try colour.write(to: directory.path("colour.pfm"))
        #expect(try PFM.read(directory.path("colour.pfm")).values == [7, -5])
    }

    @Test func badFilesAreNamedErrors() throws {
        let directory = try TemporaryDirectory()
        let good = directory.path("good.pfm")
        try Self.depth.writePFM(to: good)
        let goodBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: good)))

        func error(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = directory.path(name)
            try bytes.write(to: path)
            let error = try #require(throws: MediaError.self) { try PFM.read(path) }
            #expect(error.description.hasPrefix("\(path): not a PFM float map ("), "\(error)")
            #expect(!error.description.contains("\n"))
            return error.description
        }
        #expect(try error("truncated.pfm", Array(goodBytes.dropLast(5))).contains("truncated: 3x2 greyscale needs 24 bytes of samples after the 12-byte header, found 19"))
        #expect(try error("long.pfm", goodBytes + [0]).contains("found 25"))
        #expect(try error("garbage.pfm", Array("PNG\u{1A}whatever".utf8)).contains("no 'Pf' or 'PF' magic"))
        #expect(try error("magic.pfm", Array("P6\n3 2\n255\n".utf8)).contains("magic"))
        #expect(try error("zero.pfm", Array("Pf\n0 2\n-1.0\n".utf8)).contains("width '0' is not an integer from 1 to 65536"))
        #expect(try error("huge.pfm", Array("Pf\n3 70000\n-1.0\n".utf8)).contains("height '70000'"))
        #expect(try error("words.pfm", Array("Pf\nthree two\n-1.0\n".utf8)).contains("width 'three'"))
        #expect(try error("scale.pfm", Array("Pf\n3 2\nzero\n".utf8)).contains("scale 'zero'"))
        #expect(try error("short.pfm", Array("Pf\n3".utf8)).contains("header ends before its width"))
        #expect(try error("empty.pfm", []).contains("magic"))

        let missing = directory.path("missing.pfm")
        #expect(throws: MediaError.cannotOpen(source: missing, reason: "No such file or directory")) { try PFM.read(missing) }
        let unwritable = directory.path("no/such/folder/depth.pfm")
        let writeError = try #require(throws: MediaError.self) { try Self.depth.writePFM(to: unwritable) }
        #expect(writeError.description.hasPrefix("\(unwritable): cannot open"))
    }

    private static func bytes(of value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}

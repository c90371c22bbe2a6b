import Testing
import VantageGeometry
import VantageMedia
@testable import VantageSynthesis

/// Tiny synthetic frames for the layered-depth pieces: a background with a per-pixel gradient and
/// bright rectangles painted over it.
private enum LayerScenes {
    static func camera(width: Int, height: Int) -> Camera {
        Camera(name: "tiny", size: ImageSize(width: width, height: height),
               intrinsics: Intrinsics(fx: 20, fy: 20, cx: Double(width - 1) / 2, cy: Double(height - 1) / 2),
               camFromWorld: .identity)
    }

    /// A background whose value differs per pixel and channel, so that a plate copied from the
    /// wrong pixel or channel would show.
    static func background(width: Int, height: Int) -> PlanarFloatImage {
        var image = PlanarFloatImage(width: width, height: height)
        let planeSize = width * height
        for channel in 0..<3 {
            for pixel in 0..<planeSize {
                image.samples[channel * planeSize + pixel] = 0.1 + 0.3 * Float(pixel) / Float(planeSize) + 0.1 * Float(channel)
            }
        }
        return image
    }

    /// `image` with the rectangle `xs` × `ys` set to `value` in `channels`.
    static func painting(_ image: PlanarFloatImage, xs: ClosedRange<Int>, ys: ClosedRange<Int>, value: Float,
                         channels: [Int] = [0, 1, 2]) -> PlanarFloatImage {
        var result = image
        let planeSize = image.width * image.height
        for y in ys {
            for x in xs {
                for channel in channels { result.samples[channel * planeSize + y * image.width + x] = value }
            }
        }
        return result
    }

    /// Every pixel of the rectangle.
    static func pixels(xs: ClosedRange<Int>, ys: ClosedRange<Int>, width: Int) -> [Int] {
        ys.flatMap { y in xs.map { x in y * width + x } }
    }
}

/// `BackgroundPlate.median`: the per-pixel temporal median votes out an object that is somewhere
/// else in every frame, leaving exactly the background.
@Suite struct BackgroundPlateTests {
    static let width = 16, height = 8

    /// 16×8 fits one work chunk of the median; 48×32 (4608 samples) spans several.
    @Test(arguments: [(16, 8), (48, 32)])
    func medianRemovesAMovingSquare(width: Int, height: Int) {
        let camera = LayerScenes.camera(width: width, height: height)
        let background = LayerScenes.background(width: width, height: height)
        // A 3×3 bright square, at a different place in each of five frames (some overlap two frames).
        let corners = [(0, 0), (3, 2), (6, 4), (8, 5), (12, 1)]
        let frames = corners.map { corner in
            SourceView(camera: camera, image: LayerScenes.painting(background, xs: corner.0...(corner.0 + 2),
                                                                   ys: corner.1...(corner.1 + 2), value: 1))
        }
        let plate = BackgroundPlate.median(of: frames)
        #expect(plate.image.width == width && plate.image.height == height)
        let mismatches = plate.image.samples.indices.filter { plate.image.samples[$0] != background.samples[$0] }
        #expect(mismatches.isEmpty, "\(mismatches.count) samples differ from the background")
        #expect(plate.camera == camera)
    }

    @Test func singleFrameIsItsOwnPlate() {
        let camera = LayerScenes.camera(width: Self.width, height: Self.height)
        let image = LayerScenes.painting(LayerScenes.background(width: Self.width, height: Self.height),
                                         xs: 4...6, ys: 2...4, value: 1)
        let coverage = (0..<(Self.width * Self.height)).map { Float($0 % 3) / 2 }
        let plate = BackgroundPlate.median(of: [SourceView(camera: camera, image: image, coverage: coverage)])
        #expect(plate.image.samples == image.samples)
        #expect(plate.coverage == coverage)
    }
}

/// `ForegroundBlobs`: connected regions that differ from the plate by more than the threshold,
/// at least `minimumArea` pixels each, with their foot at the lowest (then leftmost) pixel.
@Suite struct ForegroundBlobsTests {
    static let width = 24, height = 14
    static let plate = LayerScenes.background(width: width, height: height)

    @Test func twoSeparateBlobsGetTwoLabelsAndTheirFeet() throws {
        let a = (xs: 2...5, ys: 3...6), b = (xs: 12...14, ys: 5...9)  // 16 and 15 pixels
        var frame = LayerScenes.painting(Self.plate, xs: a.xs, ys: a.ys, value: 0.95)
        frame = LayerScenes.painting(frame, xs: b.xs, ys: b.ys, value: 0.95)
        let blobs = ForegroundBlobs(frame: frame, plate: Self.plate)
        try #require(blobs.feet.count == 2)
        let aPixels = LayerScenes.pixels(xs: a.xs, ys: a.ys, width: Self.width)
        let bPixels = LayerScenes.pixels(xs: b.xs, ys: b.ys, width: Self.width)
        let aLabel = blobs.label[aPixels[0]], bLabel = blobs.label[bPixels[0]]
        #expect(aLabel >= 0 && bLabel >= 0 && aLabel != bLabel)
        #expect(aPixels.allSatisfy { blobs.label[$0] == aLabel })
        #expect(bPixels.allSatisfy { blobs.label[$0] == bLabel })
        let inBlobs = Set(aPixels + bPixels)
        #expect(blobs.label.indices.allSatisfy { inBlobs.contains($0) || blobs.label[$0] == -1 })
        let aFoot = blobs.feet[Int(aLabel)], bFoot = blobs.feet[Int(bLabel)]
        #expect(aFoot.x == 2 && aFoot.y == 6)
        #expect(bFoot.x == 12 && bFoot.y == 9)
    }

    @Test func blobsBelowMinimumAreaStayBackground() {
        // 3×3 = 9 pixels is noise; 3×4 = 12 pixels is exactly the minimum and counts.
        var frame = LayerScenes.painting(Self.plate, xs: 2...4, ys: 2...4, value: 0.95)
        frame = LayerScenes.painting(frame, xs: 10...12, ys: 2...5, value: 0.95)
        let blobs = ForegroundBlobs(frame: frame, plate: Self.plate)
        #expect(blobs.feet.count == 1)
        #expect(LayerScenes.pixels(xs: 2...4, ys: 2...4, width: Self.width).allSatisfy { blobs.label[$0] == -1 })
        #expect(LayerScenes.pixels(xs: 10...12, ys: 2...5, width: Self.width).allSatisfy { blobs.label[$0] == 0 })
        #expect(blobs.feet.first.map { $0.x == 10 && $0.y == 5 } == true)
    }

    @Test func differencesBelowThresholdAreIgnored() {
        // The whole frame brighter by less than the threshold: no blob at all.
        var faint = Self.plate
        for index in faint.samples.indices { faint.samples[index] += ForegroundBlobs.threshold * 0.8 }
        #expect(ForegroundBlobs(frame: faint, plate: Self.plate).feet.isEmpty)
        #expect(ForegroundBlobs(frame: faint, plate: Self.plate).label.allSatisfy { $0 == -1 })
        // The same region changed by more than the threshold in one channel only is a blob.
        var oneChannel = Self.plate
        let planeSize = Self.width * Self.height
        for pixel in LayerScenes.pixels(xs: 5...9, ys: 4...8, width: Self.width) {
            oneChannel.samples[2 * planeSize + pixel] += ForegroundBlobs.threshold * 1.5
        }
        let blobs = ForegroundBlobs(frame: oneChannel, plate: Self.plate)
        #expect(blobs.feet.count == 1)
        #expect(blobs.label.filter { $0 == 0 }.count == 25)
    }
}

/// `Billboards.apply`: each blob becomes an upright plane standing on the ground at its foot,
/// facing the camera horizontally; the foot keeps the ground's depth.
@Suite struct BillboardsTests {
    static let size = ImageSize(width: 64, height: 48)
    static let camera = Camera.lookingAt([0, 0, 0], from: [0, -20, 10], name: "high", size: size,
                                         intrinsics: Intrinsics(fx: 60, fy: 60, cx: 31.5, cy: 23.5))

    @Test func blobStandsUprightOnItsFoot() throws {
        let width = Self.size.width, height = Self.size.height
        let plate = LayerScenes.background(width: width, height: height)
        let frame = LayerScenes.painting(plate, xs: 35...37, ys: 20...30, value: 0.95)
        let blobs = ForegroundBlobs(frame: frame, plate: plate)
        try #require(blobs.feet.count == 1)
        let foot = blobs.feet[0]
        #expect(foot.x == 35 && foot.y == 30)

        // F: where the foot pixel's ray meets the ground z = 0.
        let centre = Self.camera.centerInWorld
        let footRay = try #require(Self.camera.rayInWorld(through: Vector2(Double(foot.x), Double(foot.y))))
        let footPoint = centre + footRay * (-centre.z / footRay.z)
        let footDepth = Self.camera.camFromWorld.apply(footPoint).z

        let before = DepthEstimate(depth: DepthMap(width: width, height: height, values: [Float](repeating: 50, count: width * height)),
                                   confidence: [Float](repeating: 0.1, count: width * height))
        let after = Billboards.apply(blobs, to: before, camera: Self.camera, groundHeight: 0)

        let footIndex = foot.y * width + foot.x
        #expect(abs(Double(after.depth.values[footIndex]) - footDepth) <= 1e-3 * footDepth)

        // Every blob pixel lies on the vertical plane through F facing the camera, above the ground.
        var normal = centre - footPoint
        normal.z = 0
        normal = normal.normalized
        for pixel in LayerScenes.pixels(xs: 35...37, ys: 20...30, width: width) {
            let point = try #require(Self.camera.unproject(Vector2(Double(pixel % width), Double(pixel / width)),
                                                           depth: Double(after.depth.values[pixel])))
            #expect(abs((point - footPoint).dot(normal)) < 1e-3, "pixel \(pixel % width),\(pixel / width) off the billboard")
            #expect(point.z > -1e-3)
            #expect(after.confidence[pixel] == Billboards.confidence)
        }
        // The top of the blob stands well above the ground.
        let top = try #require(Self.camera.unproject(Vector2(35, 20), depth: Double(after.depth.values[20 * width + 35])))
        #expect(top.z > 1)

        // Pixels outside the blob keep depth and confidence.
        let outside = Set(LayerScenes.pixels(xs: 35...37, ys: 20...30, width: width))
        #expect(after.depth.values.indices.allSatisfy { outside.contains($0) || (after.depth.values[$0] == 50 && after.confidence[$0] == 0.1) })
    }
}

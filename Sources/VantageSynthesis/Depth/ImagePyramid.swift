import VantageGeometry
import VantageMedia

/// One plane of floats, row-major, top row first.
struct FloatPlane: Sendable {
    let width: Int
    let height: Int
    var values: [Float]

    init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "FloatPlane \(width)x\(height) needs \(width * height) values")
        self.width = width
        self.height = height
        self.values = values
    }

    init(width: Int, height: Int, repeating value: Float = 0) {
        self.init(width: width, height: height, values: [Float](repeating: value, count: width * height))
    }

    /// Half the size (rounded down, at least 1): each pixel is the mean of its 2×2 block.
    func halved() -> FloatPlane {
        let w = max(1, width / 2), h = max(1, height / 2)
        var result = FloatPlane(width: w, height: h)
        values.withUnsafeBufferPointer { source in
            result.values.withUnsafeMutableBufferPointer { destination in
                let src = source.baseAddress!, dst = destination.baseAddress!
                let maxX = width - 1, maxY = height - 1
                for y in 0..<h {
                    let y0 = min(2 &* y, maxY), y1 = min(2 &* y &+ 1, maxY)
                    for x in 0..<w {
                        let x0 = min(2 &* x, maxX), x1 = min(2 &* x &+ 1, maxX)
                        dst[y &* w &+ x] = 0.25 * (src[y0 &* width &+ x0] + src[y0 &* width &+ x1]
                                                   + src[y1 &* width &+ x0] + src[y1 &* width &+ x1])
                    }
                }
            }
        }
        return result
    }
}

/// A source view reduced to what matching needs, at one pyramid level: its pinhole camera at that
/// size, its luma, and its coverage (share of scene content, 1 where the view has no alpha).
struct ViewLevel: Sendable {
    let camera: Camera
    let luma: FloatPlane
    let coverage: FloatPlane
    /// Whether any pixel is backdrop (coverage < 0.5); matching skips the coverage lookups when none is.
    let hasBackdrop: Bool

    init(camera: Camera, luma: FloatPlane, coverage: FloatPlane) {
        self.camera = camera
        self.luma = luma
        self.coverage = coverage
        hasBackdrop = coverage.values.contains { $0 < 0.5 }
    }

    var width: Int { luma.width }
    var height: Int { luma.height }

    /// Levels 0...`levels`-1 of `view`: level 0 at full size, each next one half as large.
    static func pyramid(of view: SourceView, levels: Int) -> [ViewLevel] {
        let image = view.image, count = image.width * image.height
        var luma = [Float](repeating: 0, count: count)
        image.samples.withUnsafeBufferPointer { planes in
            luma.withUnsafeMutableBufferPointer { output in
                let src = planes.baseAddress!, dst = output.baseAddress!
                for pixel in 0..<count {
                    dst[pixel] = 0.299 * src[pixel] + 0.587 * src[count &+ pixel] + 0.114 * src[2 &* count &+ pixel]
                }
            }
        }
        var pyramid = [ViewLevel(camera: view.camera, luma: FloatPlane(width: image.width, height: image.height, values: luma),
                                 coverage: FloatPlane(width: image.width, height: image.height,
                                                      values: view.coverage ?? [Float](repeating: 1, count: count)))]
        while pyramid.count < levels {
            let finer = pyramid.last!
            pyramid.append(ViewLevel(camera: finer.camera.halved(toWidth: max(1, finer.width / 2), height: max(1, finer.height / 2)),
                                     luma: finer.luma.halved(), coverage: finer.coverage.halved()))
        }
        return pyramid
    }
}

extension Camera {
    /// The camera for an image downsampled by 2×2 blocks to `width`×`height`: pixel centres map
    /// as `coarse = (fine + 0.5) / 2 − 0.5`.
    func halved(toWidth width: Int, height: Int) -> Camera {
        var camera = self
        let k = intrinsics
        camera.size = ImageSize(width: width, height: height)
        camera.intrinsics = Intrinsics(fx: k.fx / 2, fy: k.fy / 2, cx: (k.cx + 0.5) / 2 - 0.5, cy: (k.cy + 0.5) / 2 - 0.5,
                                       skew: k.skew / 2)
        return camera
    }
}

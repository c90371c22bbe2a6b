import VantageGeometry
import VantageMedia

/// Z-buffered triangle rasterization for one pinhole camera: which triangle each pixel centre
/// sees (pixel (x, y) samples the point (x, y) of the camera model, the centre of that pixel),
/// with perspective-correct barycentrics. Row bands run in parallel.
public struct Rasterizer: Sendable {
    public let camera: Camera
    /// Triangles closer than this (metres) are clipped away.
    public let near: Double

    /// - Precondition: the camera has no lens distortion (straight lines stay straight).
    public init(camera: Camera, near: Double = 0.05) {
        precondition(camera.distortion.isNone, "the rasterizer draws pinhole cameras only")
        self.camera = camera
        self.near = near
    }

    public func visibility(of mesh: Mesh) -> VisibilityBuffer {
        let bandHeight = 16
        let bandCount = (camera.size.height + bandHeight - 1) / bandHeight
        var bins = [[ScreenTriangle]](repeating: [], count: bandCount)
        let camFromWorld = camera.camFromWorld
        let cornersInCam = mesh.positions.map { camFromWorld.apply(SIMD3<Double>($0)) }
        for (index, corners) in mesh.triangles.enumerated() {
            let inCam = (cornersInCam[Int(corners.x)], cornersInCam[Int(corners.y)], cornersInCam[Int(corners.z)])
            for piece in screenTriangles(inCam, index: Int32(index), intrinsics: camera.intrinsics, near: near) {
                let first = max(0, piece.minRow), last = min(camera.size.height - 1, piece.maxRow)
                guard first <= last, piece.x.max() >= 0, piece.x.min() <= Double(camera.size.width - 1) else { continue }
                for band in (first / bandHeight)...(last / bandHeight) { bins[band].append(piece) }
            }
        }
        let binned = bins
        var buffer = VisibilityBuffer(width: camera.size.width, height: camera.size.height)
        let width = camera.size.width
        buffer.depth.withUnsafeMutableBufferPointer { depth in
            buffer.triangle.withUnsafeMutableBufferPointer { triangle in
                buffer.barycentric.withUnsafeMutableBufferPointer { barycentric in
                    let target = Target(depth: BandSharedBuffer(depth), triangle: BandSharedBuffer(triangle),
                                        barycentric: BandSharedBuffer(barycentric), width: width)
                    forEachChunk(of: bandCount) { bands in
                        for band in bands {
                            let rows = (band * bandHeight)..<min(camera.size.height, (band + 1) * bandHeight)
                            for piece in binned[band] { target.draw(piece, rows: rows) }
                        }
                    }
                }
            }
        }
        return buffer
    }
}

/// The visibility buffer's storage, written by the band that owns each row.
private struct Target: Sendable {
    let depth: BandSharedBuffer<Float>
    let triangle: BandSharedBuffer<Int32>
    let barycentric: BandSharedBuffer<Float2>
    let width: Int

    func draw(_ t: ScreenTriangle, rows: Range<Int>) {
        let firstRow = max(rows.lowerBound, t.minRow), lastRow = min(rows.upperBound - 1, t.maxRow)
        guard firstRow <= lastRow else { return }
        let firstColumn = max(0, Int(t.x.min().rounded(.up))), lastColumn = min(width - 1, Int(t.x.max().rounded(.down)))
        guard firstColumn <= lastColumn else { return }
        let inverseArea = 1 / t.doubleArea
        // Edge function of the edge opposite corner i, as weight_i = (a_i·x + b_i·y + c_i) / area.
        let a = SIMD3(t.y.y - t.y.z, t.y.z - t.y.x, t.y.x - t.y.y) * inverseArea
        let b = SIMD3(t.x.z - t.x.y, t.x.x - t.x.z, t.x.y - t.x.x) * inverseArea
        let c = SIMD3(t.x.y * t.y.z - t.x.z * t.y.y, t.x.z * t.y.x - t.x.x * t.y.z, t.x.x * t.y.y - t.x.y * t.y.x) * inverseArea
        for row in firstRow...lastRow {
            var weights = a * Double(firstColumn) + b * Double(row) + c
            var offset = row &* width &+ firstColumn
            for _ in firstColumn...lastColumn {
                if weights.min() >= 0 {
                    let perspective = weights * t.inverseDepth
                    let inverseDepth = perspective.sum()
                    let z = Float(1 / inverseDepth)
                    if z < depth.base[offset] {
                        let w = perspective / inverseDepth
                        let original = t.original.0 * w.x + t.original.1 * w.y + t.original.2 * w.z
                        depth.base[offset] = z
                        triangle.base[offset] = t.triangleIndex
                        barycentric.base[offset] = Float2(Float(original.y), Float(original.z))
                    }
                }
                weights += a
                offset &+= 1
            }
        }
    }
}

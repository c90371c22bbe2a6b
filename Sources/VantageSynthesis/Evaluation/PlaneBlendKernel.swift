import Foundation
import VantageGeometry
import VantageMedia

/// The per-pixel work of `PlaneBlendModel` on a pinhole target: plane point, source projections
/// (one homography per source: the depth module's `PlaneProjection` at the plane's inverse depth),
/// ranking by ray angle, bilinear sampling and blending.
struct PlaneBlendKernel {
    let target: Camera
    let depth: Double
    let sources: [SourceView]
    let neighbours: Int

    /// The blended image, its confidence, and each source's total blending weight over the image.
    func render() -> (image: PlanarFloatImage, confidence: [Float], influence: [Double]) {
        let width = target.size.width, height = target.size.height
        var image = PlanarFloatImage(width: width, height: height)
        var confidence = [Float](repeating: 0, count: width * height)
        var rowInfluence = [Double](repeating: 0, count: height * sources.count)
        let blendSources = sources.map { PlaneBlendSource($0.camera, target: target) }
        let worldFromPixel = target.camFromWorld.rotation.transposed * PlaneProjection.inverseMatrix(target.intrinsics)
        let planeFromPixel = (worldFromPixel.rows.0 * depth, worldFromPixel.rows.1 * depth, worldFromPixel.rows.2 * depth)
        withPointers(to: sources.map(\.image.samples)) { planes in
            blendSources.withUnsafeBufferPointer { blendSources in
                image.samples.withUnsafeMutableBufferPointer { samples in
                    confidence.withUnsafeMutableBufferPointer { confidence in
                        rowInfluence.withUnsafeMutableBufferPointer { rowInfluence in
                            let band = Band(planes: planes, sources: blendSources.baseAddress!, inverseDepth: Float(1 / depth),
                                            planeFromPixel: planeFromPixel,
                                            width: width, height: height, neighbours: neighbours, samples: BandSharedBuffer(samples),
                                            confidence: BandSharedBuffer(confidence), rowInfluence: BandSharedBuffer(rowInfluence))
                            forEachChunk(of: height) { rows in band.blend(rows: rows) }
                        }
                    }
                }
            }
        }
        let influence = sources.indices.map { source in (0..<height).reduce(0.0) { $0 + rowInfluence[$1 * sources.count + source] } }
        return (image, confidence, influence)
    }
}

/// One source as the blend needs it: where it sees target pixels on the plane, and where it stands.
struct PlaneBlendSource {
    let projection: PlaneProjection
    /// The source's centre minus the target's, in world units.
    let centreFromTarget: Vector3
    let width: Int
    let height: Int

    init(_ source: Camera, target: Camera) {
        projection = PlaneProjection(reference: target, neighbour: source)
        centreFromTarget = source.centerInWorld - target.centerInWorld
        width = source.size.width
        height = source.size.height
    }
}

/// One parallel band of rows; each band writes only its own rows of `samples` and `confidence`.
private struct Band: @unchecked Sendable {
    let planes: [UnsafePointer<Float>]
    let sources: UnsafePointer<PlaneBlendSource>
    let inverseDepth: Float
    /// World offset from the target's centre to pixel (u, v)'s plane point: rows · (u, v, 1).
    let planeFromPixel: (Vector3, Vector3, Vector3)
    let width: Int
    let height: Int
    let neighbours: Int
    let samples: BandSharedBuffer<Float>
    let confidence: BandSharedBuffer<Float>
    /// Per target row, each source's summed blending weight (row-major, `planes.count` per row).
    let rowInfluence: BandSharedBuffer<Double>

    func blend(rows: Range<Int>) {
        let slots = neighbours + 1
        // The best `slots` sources so far at this pixel, by cosine of the ray angle, best first.
        let cosines = UnsafeMutablePointer<Double>.allocate(capacity: slots), chosen = UnsafeMutablePointer<Int>.allocate(capacity: slots)
        let positions = UnsafeMutablePointer<(Double, Double)>.allocate(capacity: slots)
        let weights = UnsafeMutablePointer<Double>.allocate(capacity: slots)
        defer { cosines.deallocate(); chosen.deallocate(); positions.deallocate(); weights.deallocate() }
        let sourceCount = planes.count, planeSize = width * height
        for row in rows {
            for column in 0..<width {
                let pixel = Vector3(Double(column), Double(row), 1)
                let offset = Vector3(planeFromPixel.0.dot(pixel), planeFromPixel.1.dot(pixel), planeFromPixel.2.dot(pixel))
                let direction = offset / offset.length
                var found = 0
                for source in 0..<sourceCount {
                    let candidate = sources[source]
                    guard let position = candidate.projection.project(x: Float(column), y: Float(row), inverseDepth: inverseDepth)
                    else { continue }
                    let x = Double(position.x), y = Double(position.y)
                    guard x >= -0.5, y >= -0.5, x <= Double(candidate.width) - 0.5, y <= Double(candidate.height) - 0.5 else { continue }
                    let ray = offset - candidate.centreFromTarget
                    let cosine = direction.dot(ray) / ray.length
                    guard found < slots || cosine > cosines[slots - 1] else { continue }
                    var slot = min(found, slots - 1)
                    while slot > 0 && cosines[slot - 1] < cosine {
                        cosines[slot] = cosines[slot - 1]; chosen[slot] = chosen[slot - 1]; positions[slot] = positions[slot - 1]
                        slot -= 1
                    }
                    cosines[slot] = cosine; chosen[slot] = source; positions[slot] = (x, y)
                    found = min(found + 1, slots)
                }
                let index = row &* width &+ column
                guard found > 0 else { continue }
                let used = min(found, neighbours)
                let threshold = found > neighbours ? acos(min(1, cosines[neighbours])) : Double.pi
                var total = 0.0
                for slot in 0..<used {
                    let angle = acos(min(1, cosines[slot]))
                    weights[slot] = max(0, 1 - angle / threshold) / max(angle, 1e-6)
                    total += weights[slot]
                }
                if total <= 0 {
                    for slot in 0..<used { weights[slot] = 1 }
                    total = Double(used)
                }
                var red: Float = 0, green: Float = 0, blue: Float = 0
                for slot in 0..<used {
                    let weight = Float(weights[slot] / total)
                    rowInfluence.base[row &* sourceCount &+ chosen[slot]] += Double(weight)
                    let source = sources[chosen[slot]]
                    let colour = bilinear(planes[chosen[slot]], width: source.width, height: source.height, at: positions[slot])
                    red += weight * colour.0; green += weight * colour.1; blue += weight * colour.2
                }
                samples.base[index] = red
                samples.base[planeSize &+ index] = green
                samples.base[2 &* planeSize &+ index] = blue
                confidence.base[index] = 1
            }
        }
    }
}

/// Bilinear sample of a planar image at a pixel position, clamped to the image.
@inline(__always)
private func bilinear(_ planes: UnsafePointer<Float>, width: Int, height: Int, at position: (Double, Double)) -> (Float, Float, Float) {
    let x = min(max(Float(position.0), 0), Float(width - 1)), y = min(max(Float(position.1), 0), Float(height - 1))
    let x0 = Int(x), y0 = Int(y)
    let x1 = min(x0 &+ 1, width &- 1), y1 = min(y0 &+ 1, height &- 1)
    let fx = x - Float(x0), fy = y - Float(y0)
    let planeSize = width &* height
    let topLeft = y0 &* width &+ x0, topRight = y0 &* width &+ x1
    let bottomLeft = y1 &* width &+ x0, bottomRight = y1 &* width &+ x1
    func sample(_ plane: UnsafePointer<Float>) -> Float {
        let top = plane[topLeft] + (plane[topRight] - plane[topLeft]) * fx
        let bottom = plane[bottomLeft] + (plane[bottomRight] - plane[bottomLeft]) * fx
        return top + (bottom - top) * fy
    }
    return (sample(planes), sample(planes + planeSize), sample(planes + 2 &* planeSize))
}

/// Calls `body` with a pointer to each array's storage, valid for the duration of the call.
private func withPointers<Result>(to arrays: [[Float]], _ body: ([UnsafePointer<Float>]) -> Result) -> Result {
    func nest(_ index: Int, _ pointers: inout [UnsafePointer<Float>]) -> Result {
        guard index < arrays.count else { return body(pointers) }
        return arrays[index].withUnsafeBufferPointer { buffer in
            pointers.append(buffer.baseAddress!)
            return nest(index + 1, &pointers)
        }
    }
    var pointers: [UnsafePointer<Float>] = []
    pointers.reserveCapacity(arrays.count)
    return nest(0, &pointers)
}

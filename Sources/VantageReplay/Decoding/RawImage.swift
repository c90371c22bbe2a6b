import VantageMedia
import VantageTransport

extension RGBImage {
    /// The picture of a raw frame: one rgb24 plane (rows may be padded) becomes a tightly packed
    /// image; other raw formats are refused, naming the frame.
    init(rawFrame frame: WireFrame, planes: [RawPlane]) throws(ReplayError) {
        let header = frame.header
        let rowBytes = header.width * 3
        guard header.pixelFormatName == "rgb24", planes.count == 1,
              planes[0].rows == header.height, planes[0].bytesPerRow >= rowBytes else {
            throw ReplayError(.unsupportedPayload, "\(header.topic) frame \(header.sequence) at \(header.captureMicroseconds) µs: raw \(header.pixelFormatName) in \(planes.count) planes; only one rgb24 plane of \(header.height) rows of at least \(rowBytes) bytes becomes an image")
        }
        let stride = planes[0].bytesPerRow
        var pixels: [UInt8] = []
        pixels.reserveCapacity(rowBytes * header.height)
        for row in 0..<header.height { pixels += frame.payload[row * stride..<row * stride + rowBytes] }
        self.init(width: header.width, height: header.height, pixels: pixels)
    }
}

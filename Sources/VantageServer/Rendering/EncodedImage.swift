import HTTPTypes
import Hummingbird
import VantageMedia

/// A rendered or decoded still, encoded for the wire, with what it shows.
public struct EncodedImage: Sendable {
    public var bytes: [UInt8]
    public var format: ImageFormat
    public var width: Int
    public var height: Int
    /// The capture time of the moment the image comes from.
    public var captureMicroseconds: Int64
    /// Cameras whose frames made the image.
    public var sources: [String]

    var contentType: String { format == .png ? "image/png" : "image/jpeg" }

    /// The image as an HTTP response, with its moment and sources in `X-Vantage-*` headers.
    var response: Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store"]
        headers[.vantageCaptureMicroseconds] = String(captureMicroseconds)
        headers[.vantageSources] = sources.joined(separator: ",")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// How a client asks for an encoding: `jpeg` (or `jpg`) or `png`, and a JPEG quality 1…100.
struct ImageEncoding: Sendable {
    var format: ImageFormat
    /// libavcodec's JPEG quantizer scale: 2 (best) … 31.
    var jpegQScale: Int

    /// Quality 100 is qscale 2, quality 1 is 31; 85 by default.
    init(format text: String?, quality: Int?, field: String = "format") throws(APIError) {
        switch text?.lowercased() {
        case nil, "jpeg", "jpg": format = .jpeg
        case "png": format = .png
        case let other?: throw .badRequest("\(field): expected \"jpeg\" or \"png\", found \"\(other)\"")
        }
        let quality = quality ?? 85
        guard (1...100).contains(quality) else { throw .badRequest("quality: expected 1...100, found \(quality)") }
        jpegQScale = 31 - Int((Double(quality - 1) * 29 / 99).rounded())
    }
}

extension HTTPField.Name {
    /// The capture time (µs on the rig's clock) of the moment an image shows.
    static let vantageCaptureMicroseconds = HTTPField.Name("X-Vantage-Capture-Microseconds")!
    /// The cameras whose frames made an image, comma-separated.
    static let vantageSources = HTTPField.Name("X-Vantage-Sources")!
}

/// PNG and JPEG in memory: for servers that send images instead of writing files.
extension ImageIO {
    /// The file bytes of `image` as `format`; `jpegQScale` is JPEG's quantizer scale, 2 (best) … 31.
    /// `source` names the image in error messages.
    public static func encode(_ image: RGBImage, as format: ImageFormat, jpegQScale: Int = 2,
                              source: String = "image") throws(MediaError) -> [UInt8] {
        guard (2...31).contains(jpegQScale) else {
            throw .invalidOption(source: source, option: "JPEG qscale \(jpegQScale)", expected: "2 (best) to 31")
        }
        return try StillImageCodec.encode(image, as: format, jpegQScale: jpegQScale, destination: source)
    }

    /// The RGB pixels of PNG or JPEG file bytes (alpha, if any, is dropped).
    public static func decode(_ bytes: [UInt8], source: String = "image") throws(MediaError) -> RGBImage {
        guard let format = ImageFormat(signature: bytes) else {
            throw .unreadableFormat(source: source, expected: "a PNG or JPEG image", reason: "no PNG or JPEG signature at the start of the data")
        }
        let frame = try StillImageCodec.decode(bytes, as: format, source: source)
        return try PixelConverter().rgbImage(from: frame.pointer)
    }

    /// The format whose signature starts `bytes`, if any.
    public static func format(ofBytes bytes: [UInt8]) -> ImageFormat? { ImageFormat(signature: bytes) }
}

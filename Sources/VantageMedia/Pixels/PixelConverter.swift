import CFFmpeg

/// Converts pictures with libswscale: decoder frames (any pixel format) to `RGBImage`, and
/// `RGBImage` to frames in an encoder's pixel format, optionally scaling.
///
/// Keeps one `SwsContext` per distinct conversion (source format, size and colour range → destination
/// format and size). Not thread-safe: give each thread its own converter.
public final class PixelConverter {
    private struct Conversion: Hashable {
        var sourceFormat: Int32, sourceWidth: Int32, sourceHeight: Int32
        var sourceColorspace: UInt32, sourceFullRange: Bool
        var destinationFormat: Int32, destinationWidth: Int32, destinationHeight: Int32
    }

    private var contexts: [Conversion: ScaleContextOwner] = [:]

    public init() {}

    /// The frame as RGB, at `width`×`height` when given (each defaults to the frame's own size).
    public func rgbImage(from frame: DecodedFrame, width: Int? = nil, height: Int? = nil) throws(MediaError) -> RGBImage {
        try rgbImage(from: frame.frame.pointer, width: width, height: height)
    }

    func rgbImage(from frame: UnsafeMutablePointer<AVFrame>, width: Int? = nil, height: Int? = nil) throws(MediaError) -> RGBImage {
        let size = (width: width ?? Int(frame.pointee.width), height: height ?? Int(frame.pointee.height))
        let pixels = try packedPixels(from: frame, format: AV_PIX_FMT_RGB24, bytesPerPixel: 3, width: size.width, height: size.height)
        return RGBImage(width: size.width, height: size.height, pixels: pixels)
    }

    /// The frame as tightly packed pixels of a packed format (RGB24, RGBA, ...) at `width`×`height`.
    ///
    /// libswscale may write (and read) a little past the end of a row with SIMD, so it only ever works on
    /// FFmpeg-allocated, padded frames; packed Swift arrays are copied row by row to or from those.
    func packedPixels(from frame: UnsafeMutablePointer<AVFrame>, format: AVPixelFormat, bytesPerPixel: Int,
                      width: Int, height: Int) throws(MediaError) -> [UInt8] {
        let source = frame.pointee
        let converted = try FrameOwner(format: format, width: width, height: height)
        let context = try context(for: Conversion(
            sourceFormat: source.format, sourceWidth: source.width, sourceHeight: source.height,
            sourceColorspace: source.colorspace.rawValue, sourceFullRange: Self.isFullRange(source),
            destinationFormat: format.rawValue, destinationWidth: Int32(width), destinationHeight: Int32(height)))
        try scale(frame, into: converted.pointer, with: context)
        let rowBytes = width * bytesPerPixel
        var pixels = [UInt8](repeating: 0, count: rowBytes * height)
        let plane = UnsafePointer(converted.pointer.pointee.data.0!), linesize = Int(converted.pointer.pointee.linesize.0)
        pixels.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<height {
                (buffer.baseAddress! + row * rowBytes).update(from: plane + row * linesize, count: rowBytes)
            }
        }
        return pixels
    }

    /// A new frame in `format` at `width`×`height` holding `image` (BT.601 colours, limited range
    /// unless `format` is a full-range "yuvj" format).
    func frame(from image: RGBImage, format: AVPixelFormat, width: Int, height: Int) throws(MediaError) -> FrameOwner {
        let packed = try FrameOwner(format: AV_PIX_FMT_RGB24, width: image.width, height: image.height)
        let plane = packed.pointer.pointee.data.0!, linesize = Int(packed.pointer.pointee.linesize.0)
        image.pixels.withUnsafeBufferPointer { buffer in
            for row in 0..<image.height {
                (plane + row * linesize).update(from: buffer.baseAddress! + row * image.rowStride, count: image.rowStride)
            }
        }
        let output = try FrameOwner(format: format, width: width, height: height)
        let context = try context(for: Conversion(
            sourceFormat: AV_PIX_FMT_RGB24.rawValue, sourceWidth: Int32(image.width), sourceHeight: Int32(image.height),
            sourceColorspace: AVCOL_SPC_RGB.rawValue, sourceFullRange: true,
            destinationFormat: format.rawValue, destinationWidth: Int32(width), destinationHeight: Int32(height)))
        try scale(packed.pointer, into: output.pointer, with: context)
        if format == AV_PIX_FMT_YUV420P {
            output.pointer.pointee.colorspace = AVCOL_SPC_SMPTE170M
            output.pointer.pointee.color_range = AVCOL_RANGE_MPEG
        }
        return output
    }

    /// `sws_scale` between two FFmpeg frames, respecting each plane's linesize.
    private func scale(_ source: UnsafeMutablePointer<AVFrame>, into destination: UnsafeMutablePointer<AVFrame>,
                       with context: OpaquePointer) throws(MediaError) {
        let input = source.pointee, output = destination.pointee
        let sourcePlanes: [UnsafePointer<UInt8>?] = [input.data.0, input.data.1, input.data.2, input.data.3].map { $0.map { UnsafePointer($0) } }
        let sourceStrides = [input.linesize.0, input.linesize.1, input.linesize.2, input.linesize.3]
        let destinationPlanes = [output.data.0, output.data.1, output.data.2, output.data.3]
        let destinationStrides = [output.linesize.0, output.linesize.1, output.linesize.2, output.linesize.3]
        let rows = sws_scale(context, sourcePlanes, sourceStrides, 0, input.height, destinationPlanes, destinationStrides)
        try checkFFmpeg(rows, source: "libswscale", operation: "converting a frame")
    }

    private func context(for conversion: Conversion) throws(MediaError) -> OpaquePointer {
        if let cached = contexts[conversion] { return cached.pointer }
        guard let created = sws_getContext(
            conversion.sourceWidth, conversion.sourceHeight, AVPixelFormat(rawValue: conversion.sourceFormat),
            conversion.destinationWidth, conversion.destinationHeight, AVPixelFormat(rawValue: conversion.destinationFormat),
            SWS_BICUBIC, nil, nil, nil)
        else {
            throw .operationFailed(
                source: "libswscale", operation: "sws_getContext",
                reason: "unsupported conversion \(conversion.sourceWidth)x\(conversion.sourceHeight) format \(conversion.sourceFormat) to \(conversion.destinationWidth)x\(conversion.destinationHeight) format \(conversion.destinationFormat)")
        }
        let owner = ScaleContextOwner(created)
        Self.applySourceColours(conversion, to: created)
        contexts[conversion] = owner
        return created
    }

    /// For YUV sources: use the frame's own matrix (BT.601 when unspecified) and range.
    private static func applySourceColours(_ conversion: Conversion, to context: OpaquePointer) {
        guard let descriptor = av_pix_fmt_desc_get(AVPixelFormat(rawValue: conversion.sourceFormat)),
              descriptor.pointee.flags & UInt64(AV_PIX_FMT_FLAG_RGB) == 0
        else { return }
        let coefficients = sws_getCoefficients(Int32(conversion.sourceColorspace))
        let rgbCoefficients = sws_getCoefficients(SWS_CS_DEFAULT)
        _ = sws_setColorspaceDetails(context, coefficients, conversion.sourceFullRange ? 1 : 0,
                                     rgbCoefficients, 1, 0, 1 << 16, 1 << 16)
    }

    private static func isFullRange(_ frame: AVFrame) -> Bool {
        if frame.color_range == AVCOL_RANGE_JPEG { return true }
        let fullRangeFormats = [AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUVJ411P]
        return fullRangeFormats.contains(AVPixelFormat(rawValue: frame.format))
    }
}

import CFFmpeg

/// Encodes or decodes one still picture as a single packet with libavcodec.
enum StillImageCodec {
    /// The file bytes of `image` in `format`; `jpegQScale` is MJPEG's quantizer scale (2 best … 31 worst).
    static func encode(_ image: RGBImage, as format: ImageFormat, jpegQScale: Int, destination: String) throws(MediaError) -> [UInt8] {
        guard let codec = avcodec_find_encoder(format.codecID) else {
            throw .noEncoder(source: destination, codec: format.rawValue)
        }
        let encoder = try CodecContextOwner(codec: codec)
        let context = encoder.pointer
        context.pointee.width = Int32(image.width)
        context.pointee.height = Int32(image.height)
        context.pointee.pix_fmt = format.encoderPixelFormat
        context.pointee.time_base = AVRational(num: 1, den: 25)
        let frame = try PixelConverter().frame(from: image, format: format.encoderPixelFormat, width: image.width, height: image.height)
        if format == .png {
            // zlib level 3: most of level 9's compression on rendered frames at a fraction of its time.
            context.pointee.compression_level = 3
        }
        if format == .jpeg {
            context.pointee.color_range = AVCOL_RANGE_JPEG
            context.pointee.flags |= Int32(AV_CODEC_FLAG_QSCALE)
            context.pointee.global_quality = Int32(FF_QP2LAMBDA) * Int32(jpegQScale)
            frame.pointer.pointee.quality = context.pointee.global_quality
            frame.pointer.pointee.color_range = AVCOL_RANGE_JPEG
        }
        try checkFFmpeg(avcodec_open2(context, codec, nil), source: destination, operation: "opening the \(format.rawValue) encoder")
        try checkFFmpeg(avcodec_send_frame(context, frame.pointer), source: destination, operation: "encoding the \(format.rawValue) image")
        try checkFFmpeg(avcodec_send_frame(context, nil), source: destination, operation: "flushing the \(format.rawValue) encoder")
        let packet = try PacketOwner()
        try checkFFmpeg(avcodec_receive_packet(context, packet.pointer), source: destination, operation: "receiving the \(format.rawValue) image")
        defer { av_packet_unref(packet.pointer) }
        return Array(UnsafeBufferPointer(start: packet.pointer.pointee.data, count: Int(packet.pointer.pointee.size)))
    }

    /// The decoded picture in the file bytes `data` (which hold one `format` image).
    static func decode(_ data: [UInt8], as format: ImageFormat, source: String) throws(MediaError) -> FrameOwner {
        guard let codec = avcodec_find_decoder(format.codecID) else {
            throw .noDecoder(source: source, codec: format.rawValue)
        }
        let decoder = try CodecContextOwner(codec: codec)
        try checkFFmpeg(avcodec_open2(decoder.pointer, codec, nil), source: source, operation: "opening the \(format.rawValue) decoder")
        let packet = try PacketOwner()
        // av_new_packet zeroes AV_INPUT_BUFFER_PADDING_SIZE bytes after the data, as decoders require.
        try checkFFmpeg(av_new_packet(packet.pointer, Int32(data.count)), source: source, operation: "allocating a packet")
        data.withUnsafeBufferPointer { bytes in
            packet.pointer.pointee.data.update(from: bytes.baseAddress!, count: bytes.count)
        }
        let operation = "decoding the \(format.rawValue) image"
        let frame = try FrameOwner()
        try checkFFmpeg(avcodec_send_packet(decoder.pointer, packet.pointer), source: source, operation: operation)
        try checkFFmpeg(avcodec_send_packet(decoder.pointer, nil), source: source, operation: operation)
        guard try CodecStep(avcodec_receive_frame(decoder.pointer, frame.pointer), source: source, operation: operation) == .done else {
            throw .unreadableFormat(source: source, expected: "a complete \(format.rawValue) image", reason: "the decoder produced no picture")
        }
        return frame
    }
}

import CFFmpeg

extension CodecParameters {
    /// The parameters of a demuxed stream: its codecpar (extradata copied) and time base.
    init(stream: UnsafeMutablePointer<AVStream>) {
        let parameters = stream.pointee.codecpar.pointee
        let extradata: [UInt8] = parameters.extradata.map {
            Array(UnsafeBufferPointer(start: $0, count: Int(max(parameters.extradata_size, 0))))
        } ?? []
        self.init(
            codecName: String(cString: avcodec_get_name(parameters.codec_id)),
            extradata: extradata,
            width: Int(parameters.width), height: Int(parameters.height),
            pixelFormatName: av_get_pix_fmt_name(AVPixelFormat(rawValue: parameters.format)).map { String(cString: $0) } ?? "unknown",
            timeBase: MediaRational(stream.pointee.time_base))
    }

    /// The video decoder for `codecName`: the codec's default decoder (the one `MediaReader` would
    /// pick for a file of that codec), else a decoder of that name (e.g. "libdav1d").
    func findDecoder(source: String) throws(MediaError) -> UnsafePointer<AVCodec> {
        let byCodec = avcodec_descriptor_get_by_name(codecName).flatMap { avcodec_find_decoder($0.pointee.id) }
        guard let decoder = byCodec ?? avcodec_find_decoder_by_name(codecName) else {
            throw .noDecoder(source: source, codec: codecName)
        }
        guard decoder.pointee.type == AVMEDIA_TYPE_VIDEO else {
            throw .invalidOption(source: source, option: "codec '\(codecName)'", expected: "a video codec")
        }
        return decoder
    }

    /// Verifies the fields (they may come from the network) and sets them on a decoder context:
    /// extradata in a zero-padded `av_mallocz` buffer the context frees, size and pixel format.
    func configure(_ context: CodecContextOwner, source: String) throws(MediaError) {
        guard (0...Int(Int32.max)).contains(width), (0...Int(Int32.max)).contains(height) else {
            throw .invalidOption(source: source, option: "size \(width)x\(height)", expected: "a width and height ≥ 0")
        }
        guard timeBase.isPositive else {
            throw .invalidOption(source: source, option: "time base \(timeBase)", expected: "a positive ratio such as 1/15360")
        }
        let pixelFormat = av_get_pix_fmt(pixelFormatName)
        guard pixelFormat != AV_PIX_FMT_NONE || pixelFormatName == "unknown" else {
            throw .invalidOption(source: source, option: "pixel format '\(pixelFormatName)'",
                                 expected: "an FFmpeg pixel format name such as 'yuv420p', or 'unknown'")
        }
        let padding = Int(vantage_av_input_buffer_padding_size())
        guard extradata.count <= Int(Int32.max) - padding else {
            throw .invalidOption(source: source, option: "extradata of \(extradata.count) bytes",
                                 expected: "at most \(Int(Int32.max) - padding) bytes")
        }
        let codec = context.pointer
        codec.pointee.width = Int32(width)
        codec.pointee.height = Int32(height)
        codec.pointee.pix_fmt = pixelFormat
        guard !extradata.isEmpty else { return }
        guard let buffer = av_mallocz(extradata.count + padding)?.assumingMemoryBound(to: UInt8.self) else {
            throw .outOfMemory("av_mallocz")
        }
        extradata.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: $0.count) }
        codec.pointee.extradata = buffer
        codec.pointee.extradata_size = Int32(extradata.count)
    }
}

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
}

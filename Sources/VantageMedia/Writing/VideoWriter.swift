import CFFmpeg

/// Encodes `RGBImage` frames with libx264 (or another libavcodec encoder) and muxes them into a file.
///
/// Writes to a hidden temporary file beside `path` and renames it on `finish()`; a writer released
/// without `finish()` (or after an error) deletes its temporary file. Not thread-safe.
public final class VideoWriter {
    public let path: String
    public let options: VideoWriterOptions
    public let container: ContainerFormat
    /// Frames appended so far.
    public private(set) var frameCount = 0
    private let destination: AtomicDestination
    private let output: OutputFormatOwner
    private let encoder: CodecContextOwner
    private let stream: UnsafeMutablePointer<AVStream>
    private let packet: PacketOwner
    private let converter = PixelConverter()
    private var finished = false

    /// Validates `options`, opens the encoder and the temporary output file and writes the container header.
    /// - Parameter container: the format; inferred from `path`'s extension when nil.
    public init(path: String, options: VideoWriterOptions, container: ContainerFormat? = nil) throws(MediaError) {
        try options.validate(for: path)
        let container = if let container { container } else { try ContainerFormat(inferringFromPath: path) }
        guard let codec = avcodec_find_encoder_by_name(options.encoderName) else {
            throw .noEncoder(source: path, codec: options.encoderName)
        }
        let destination = AtomicDestination(finalPath: path)
        let output = try OutputFormatOwner(muxerName: container.muxerName, path: destination.temporaryPath)
        let encoder = try CodecContextOwner(codec: codec)
        Self.configure(encoder.pointer, options: options, globalHeader: output.needsGlobalHeader)
        if ["libx264", "libx265"].contains(options.encoderName) {
            av_opt_set(encoder.pointer.pointee.priv_data, "preset", options.preset, 0)
            if options.bitrate == nil {
                av_opt_set_double(encoder.pointer.pointee.priv_data, "crf", options.crf, 0)
            }
        }
        if options.encoderName == "libx265" {
            // x265 logs through its own printf, not av_log: quiet it at the source.
            av_opt_set(encoder.pointer.pointee.priv_data, "x265-params", "log-level=error", 0)
        }
        try checkFFmpeg(avcodec_open2(encoder.pointer, codec, nil), source: path,
                        operation: "opening the \(options.encoderName) encoder")
        guard let stream = avformat_new_stream(output.pointer, nil) else { throw .outOfMemory("avformat_new_stream") }
        stream.pointee.time_base = encoder.pointer.pointee.time_base
        try checkFFmpeg(avcodec_parameters_from_context(stream.pointee.codecpar, encoder.pointer), source: path,
                        operation: "describing the encoded stream to the muxer")

        self.path = path
        self.options = options
        self.container = container
        self.destination = destination
        self.output = output
        self.encoder = encoder
        self.stream = stream
        packet = try PacketOwner()
        // From here on, a throw runs deinit, which deletes the temporary file.
        try output.openFile(at: destination.temporaryPath, reportingAs: path)
        try writeHeader()
    }

    private static func configure(_ encoder: UnsafeMutablePointer<AVCodecContext>, options: VideoWriterOptions, globalHeader: Bool) {
        encoder.pointee.width = Int32(options.width)
        encoder.pointee.height = Int32(options.height)
        encoder.pointee.time_base = AVRational(num: options.frameRate.denominator, den: options.frameRate.numerator)
        encoder.pointee.framerate = options.frameRate.avRational
        encoder.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        encoder.pointee.gop_size = Int32(options.gopSize)
        encoder.pointee.colorspace = AVCOL_SPC_SMPTE170M
        encoder.pointee.color_range = AVCOL_RANGE_MPEG
        if let bitrate = options.bitrate { encoder.pointee.bit_rate = Int64(bitrate) }
        if globalHeader { encoder.pointee.flags |= Int32(AV_CODEC_FLAG_GLOBAL_HEADER) }
    }

    private func writeHeader() throws(MediaError) {
        var muxerOptions: OpaquePointer?
        defer { av_dict_free(&muxerOptions) }
        for option in container.muxerOptions {
            av_dict_set(&muxerOptions, option.key, option.value, 0)
        }
        try checkFFmpeg(avformat_write_header(output.pointer, &muxerOptions), source: path,
                        operation: "writing the \(container.rawValue) header")
    }

    /// Encodes one frame; it must be `options.width`×`options.height`. Its time is `frameCount / frameRate`.
    public func append(_ image: RGBImage) throws(MediaError) {
        precondition(!finished, "VideoWriter.append after finish()")
        guard image.width == options.width, image.height == options.height else {
            throw .invalidOption(source: path, option: "frame size \(image.width)x\(image.height)",
                                 expected: "\(options.width)x\(options.height) as set in the writer options")
        }
        let frame = try converter.frame(from: image, format: AV_PIX_FMT_YUV420P, width: options.width, height: options.height)
        frame.pointer.pointee.pts = Int64(frameCount)
        try send(frame.pointer)
        frameCount += 1
    }

    /// Drains the encoder, writes the trailer and renames the temporary file to `path`.
    public func finish() throws(MediaError) {
        precondition(!finished, "VideoWriter.finish() called twice")
        try send(nil)
        try checkFFmpeg(av_write_trailer(output.pointer), source: path, operation: "writing the \(container.rawValue) trailer")
        output.closeFile()
        try destination.commit()
        finished = true
    }

    /// Sends a frame (nil: end of input) and muxes every packet the encoder has ready.
    private func send(_ frame: UnsafeMutablePointer<AVFrame>?) throws(MediaError) {
        try checkFFmpeg(avcodec_send_frame(encoder.pointer, frame), source: path,
                        operation: frame == nil ? "flushing the encoder" : "encoding frame \(frameCount)")
        while try CodecStep(avcodec_receive_packet(encoder.pointer, packet.pointer), source: path,
                            operation: "receiving an encoded packet") == .done {
            if packet.pointer.pointee.duration == 0 {
                packet.pointer.pointee.duration = 1  // one frame period; MP4 needs it for the last sample
            }
            av_packet_rescale_ts(packet.pointer, encoder.pointer.pointee.time_base, stream.pointee.time_base)
            packet.pointer.pointee.stream_index = stream.pointee.index
            try checkFFmpeg(av_interleaved_write_frame(output.pointer, packet.pointer), source: path,
                            operation: "writing a packet")
        }
    }

    deinit {
        if !finished {
            output.closeFile()
            destination.discard()
        }
    }
}

import CFFmpeg

/// The encoding half shared by `VideoWriter`, `LiveVideoEncoder` and `StreamWriter`: converts
/// `RGBImage` frames to YUV 4:2:0, sends them to one opened libavcodec encoder and hands every packet
/// it produces to the caller.
///
/// Timestamps are in the encoder's time base, one unit per frame period (1/frameRate): frame n is stamped n.
/// Not thread-safe.
final class VideoEncoder {
    let configuration: EncoderConfiguration
    /// Names the output in errors (a path, a stream).
    let source: String
    let context: CodecContextOwner
    private let converter = PixelConverter()
    private let packet: PacketOwner

    /// Opens the encoder `configuration.encoderName` with `configuration`.
    init(_ configuration: EncoderConfiguration, source: String) throws(MediaError) {
        guard let codec = avcodec_find_encoder_by_name(configuration.encoderName) else {
            throw .noEncoder(source: source, codec: configuration.encoderName)
        }
        let context = try CodecContextOwner(codec: codec)
        configuration.apply(to: context.pointer)
        try checkFFmpeg(avcodec_open2(context.pointer, codec, nil), source: source,
                        operation: "opening the \(configuration.encoderName) encoder")
        self.configuration = configuration
        self.source = source
        self.context = context
        packet = try PacketOwner()
    }

    /// Frame n's timestamp is n in this unit: one frame period.
    var timeBase: AVRational { context.pointer.pointee.time_base }

    /// Describes the encoded stream (codec, size, extradata) to a muxer's stream.
    func describe(_ stream: UnsafeMutablePointer<AVStream>) throws(MediaError) {
        stream.pointee.time_base = timeBase
        try checkFFmpeg(avcodec_parameters_from_context(stream.pointee.codecpar, context.pointer), source: source,
                        operation: "describing the encoded stream to the muxer")
    }

    /// Encodes `image` (it must have the configured size) stamped `timestamp`, as a keyframe when
    /// `keyframe` is set, and passes each packet now ready to `handle`; the packet is unreferenced
    /// after `handle` returns, so `handle` copies or writes it.
    func encode(_ image: RGBImage, timestamp: Int64, keyframe: Bool = false,
                _ handle: (UnsafeMutablePointer<AVPacket>) throws(MediaError) -> Void) throws(MediaError) {
        precondition(image.width == configuration.width && image.height == configuration.height,
                     "VideoEncoder got \(image.width)x\(image.height), opened for \(configuration.width)x\(configuration.height)")
        let frame = try converter.frame(from: image, format: AV_PIX_FMT_YUV420P,
                                        width: configuration.width, height: configuration.height)
        frame.pointer.pointee.pts = timestamp
        frame.pointer.pointee.pict_type = keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE
        try send(frame.pointer, operation: "encoding frame \(timestamp)", handle)
    }

    /// Drains the encoder at the end of input, passing the packets it still held to `handle`.
    func flush(_ handle: (UnsafeMutablePointer<AVPacket>) throws(MediaError) -> Void) throws(MediaError) {
        try send(nil, operation: "flushing the encoder", handle)
    }

    private func send(_ frame: UnsafeMutablePointer<AVFrame>?, operation: @autoclosure () -> String,
                      _ handle: (UnsafeMutablePointer<AVPacket>) throws(MediaError) -> Void) throws(MediaError) {
        try checkFFmpeg(avcodec_send_frame(context.pointer, frame), source: source, operation: operation())
        while try CodecStep(avcodec_receive_packet(context.pointer, packet.pointer), source: source,
                            operation: "receiving an encoded packet") == .done {
            defer { av_packet_unref(packet.pointer) }
            if packet.pointer.pointee.duration == 0 {
                packet.pointer.pointee.duration = 1  // one frame period; MP4 needs it for the last sample
            }
            try handle(packet.pointer)
        }
    }
}

import CFFmpeg

/// Owns one `AVFrame`; frees it (and its buffer references) exactly once in `deinit`.
final class FrameOwner {
    let pointer: UnsafeMutablePointer<AVFrame>

    init() throws(MediaError) {
        guard let frame = av_frame_alloc() else { throw .outOfMemory("av_frame_alloc") }
        pointer = frame
    }

    /// A frame with its own picture buffers of the given format and size.
    convenience init(format: AVPixelFormat, width: Int, height: Int) throws(MediaError) {
        try self.init()
        pointer.pointee.format = format.rawValue
        pointer.pointee.width = Int32(width)
        pointer.pointee.height = Int32(height)
        try checkFFmpeg(av_frame_get_buffer(pointer, 0), source: "libavutil", operation: "av_frame_get_buffer")
    }

    deinit {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }
}

/// Owns one `AVPacket`; frees it exactly once in `deinit`.
final class PacketOwner {
    let pointer: UnsafeMutablePointer<AVPacket>

    init() throws(MediaError) {
        guard let packet = av_packet_alloc() else { throw .outOfMemory("av_packet_alloc") }
        pointer = packet
    }

    deinit {
        var packet: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&packet)
    }
}

extension MediaError {
    /// An FFmpeg allocator returned NULL.
    static func outOfMemory(_ allocator: String) -> MediaError {
        .operationFailed(source: "FFmpeg", operation: allocator, reason: "out of memory")
    }
}

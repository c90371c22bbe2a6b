import CFFmpeg

/// Owns one `AVCodecContext` (decoder or encoder); frees it exactly once in `deinit`.
final class CodecContextOwner {
    let pointer: UnsafeMutablePointer<AVCodecContext>

    init(codec: UnsafePointer<AVCodec>) throws(MediaError) {
        guard let context = avcodec_alloc_context3(codec) else { throw .outOfMemory("avcodec_alloc_context3") }
        pointer = context
    }

    deinit {
        var context: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&context)
    }
}

/// Owns one `SwsContext`; frees it exactly once in `deinit`.
final class ScaleContextOwner {
    let pointer: OpaquePointer

    init(_ context: OpaquePointer) {
        pointer = context
    }

    deinit {
        sws_freeContext(pointer)
    }
}

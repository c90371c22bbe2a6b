import CFFmpeg

/// Where a muxer's bytes go through a `SinkIOContextOwner`: a Swift closure. Remembers the first
/// error the closure throws and refuses every later write, so a muxer stops at once.
final class ByteSink {
    private let write: ([UInt8]) throws -> Void
    /// What the closure threw; nil while it has not.
    private(set) var error: (any Error)?
    /// Bytes the closure accepted.
    private(set) var bytesWritten = 0
    /// Calls of the closure (successful or not).
    private(set) var callCount = 0

    init(_ write: @escaping ([UInt8]) throws -> Void) {
        self.write = write
    }

    /// Hands `count` bytes to the closure; returns `count`, or AVERROR(EIO) once it has thrown.
    fileprivate func receive(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int32 {
        guard error == nil else { return vantage_averror(EIO) }
        callCount += 1
        do {
            try write(Array(UnsafeBufferPointer(start: bytes, count: count)))
            bytesWritten += count
            return Int32(count)
        } catch {
            self.error = error
            return vantage_averror(EIO)
        }
    }
}

/// Owns a write-only `AVIOContext` (from `avio_alloc_context`) whose bytes go to a `ByteSink`, and
/// its buffer; frees both exactly once in `deinit`. Not seekable, so muxers write as they go.
final class SinkIOContextOwner {
    let pointer: UnsafeMutablePointer<AVIOContext>
    let sink: ByteSink

    /// - Parameter bufferSize: bytes gathered before a write; `avio_flush` writes fewer.
    init(sink: ByteSink, bufferSize: Int = 32 * 1024) throws(MediaError) {
        guard let buffer = av_malloc(bufferSize)?.assumingMemoryBound(to: UInt8.self) else {
            throw .outOfMemory("av_malloc")
        }
        // The context holds the sink unretained; this owner keeps it alive for as long as the context.
        let opaque = Unmanaged.passUnretained(sink).toOpaque()
        guard let context = avio_alloc_context(buffer, Int32(bufferSize), 1, opaque, nil, { opaque, bytes, count in
            guard let opaque, let bytes, count > 0 else { return 0 }
            return Unmanaged<ByteSink>.fromOpaque(opaque).takeUnretainedValue().receive(bytes, count: Int(count))
        }, nil) else {
            av_free(buffer)
            throw .outOfMemory("avio_alloc_context")
        }
        pointer = context
        self.sink = sink
    }

    deinit {
        // The context may have replaced its buffer; free the one it holds now.
        av_freep(&pointer.pointee.buffer)
        var context: UnsafeMutablePointer<AVIOContext>? = pointer
        avio_context_free(&context)
    }
}

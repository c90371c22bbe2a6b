import CFFmpeg

/// Owns an opened input `AVFormatContext`; closes it exactly once in `deinit`.
final class InputFormatOwner {
    let pointer: UnsafeMutablePointer<AVFormatContext>

    /// Opens `source` (a path or any URL libavformat understands) and reads its stream info.
    init(source: String) throws(MediaError) {
        var context: UnsafeMutablePointer<AVFormatContext>?
        let openCode = avformat_open_input(&context, source, nil, nil)
        guard openCode >= 0, let opened = context else {
            if openCode == vantage_averror_invaliddata() {
                throw .unreadableFormat(
                    source: source, expected: "a media file libavformat can read", reason: ffmpegErrorText(openCode))
            }
            throw .cannotOpen(source: source, reason: ffmpegErrorText(openCode))
        }
        pointer = opened
        let infoCode = avformat_find_stream_info(pointer, nil)
        if infoCode < 0 {
            throw .unreadableFormat(
                source: source, expected: "a media file with readable stream info", reason: ffmpegErrorText(infoCode))
        }
    }

    /// The stream libavformat picks as the file's best video stream; errors name `source`.
    func bestVideoStream(source: String) throws(MediaError) -> UnsafeMutablePointer<AVStream> {
        let index = av_find_best_stream(pointer, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        guard index >= 0, let stream = pointer.pointee.streams[Int(index)] else {
            throw .noVideoStream(source: source)
        }
        return stream
    }

    deinit {
        var context: UnsafeMutablePointer<AVFormatContext>? = pointer
        avformat_close_input(&context)
    }
}

/// Owns an output `AVFormatContext` and its `AVIOContext` (a file it opened, or a caller's
/// `SinkIOContextOwner`); closes the file and frees the context exactly once.
final class OutputFormatOwner {
    let pointer: UnsafeMutablePointer<AVFormatContext>
    /// The custom I/O the muxer writes to instead of a file; released after the format context.
    private var customIO: SinkIOContextOwner?

    /// A muxer context for `muxerName` (e.g. "mp4", "mpegts") writing to `path`; the file is not opened yet.
    init(muxerName: String, path: String) throws(MediaError) {
        var context: UnsafeMutablePointer<AVFormatContext>?
        let code = avformat_alloc_output_context2(&context, nil, muxerName, path)
        guard code >= 0, let allocated = context else {
            throw .operationFailed(
                source: path, operation: "creating the '\(muxerName)' muxer", reason: ffmpegErrorText(code))
        }
        pointer = allocated
    }

    /// Whether the muxer writes its codec headers once, globally (MP4) instead of in-band (MPEG-TS).
    var needsGlobalHeader: Bool {
        (pointer.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0
    }

    /// Opens the output file for writing (unless the muxer does its own I/O); errors name `displayName`.
    func openFile(at path: String, reportingAs displayName: String) throws(MediaError) {
        guard (pointer.pointee.oformat.pointee.flags & AVFMT_NOFILE) == 0 else { return }
        let code = avio_open(&pointer.pointee.pb, path, AVIO_FLAG_WRITE)
        if code < 0 {
            throw .cannotOpen(source: displayName, reason: ffmpegErrorText(code))
        }
    }

    /// Makes the muxer write through `io` instead of a file (`AVFMT_FLAG_CUSTOM_IO`).
    func attach(_ io: SinkIOContextOwner) {
        precondition(pointer.pointee.pb == nil, "OutputFormatOwner.attach with an output already open")
        customIO = io
        pointer.pointee.pb = io.pointer
        pointer.pointee.flags |= AVFMT_FLAG_CUSTOM_IO
    }

    /// Closes the output file, or detaches custom I/O (its owner frees it); safe to call more than once.
    func closeFile() {
        if customIO != nil {
            pointer.pointee.pb = nil
        } else if pointer.pointee.pb != nil {
            avio_closep(&pointer.pointee.pb)
        }
    }

    deinit {
        closeFile()
        avformat_free_context(pointer)
    }
}

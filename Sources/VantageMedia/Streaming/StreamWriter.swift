import CFFmpeg

/// Encodes `RGBImage` frames with the live H.264 settings (`LiveVideoEncoderOptions`) and muxes
/// them into a container written front to back, handing its bytes to a sink as they are ready: an
/// endless MPEG-TS for chunked HTTP that ffplay and VLC play, or fragmented MP4.
///
/// Frame n is stamped n / frameRate. Every frame must have the options' size: a container stream
/// has one size, so make a new writer (a new stream for the client) for another.
/// With MPEG-TS, each `append` hands that frame's bytes to the sink before it returns (the first
/// one's come after the stream's tables, PAT and PMT, which repeat every 0.1 s so a player can join
/// late); fragmented MP4 hands out its header (moov) at once and then a fragment at each keyframe. `finish()` flushes the rest; a live stream may also just stop.
///
/// A sink that throws (the client went away) stops the writer: that call and every later `append`
/// or `finish` throw the same `.operationFailed` naming the stream and the sink's error (also in
/// `sinkError`), nothing more reaches the sink, and releasing the writer frees everything. Memory
/// stays bounded: one frame, the encoder's reference pictures and a 32 KiB I/O buffer; nothing queues.
/// Not thread-safe: call it from one thread (or task) at a time, and the sink is called on that thread.
public final class StreamWriter {
    /// Containers a `StreamWriter` writes (those that need no seeking back).
    public static let streamableContainers: [ContainerFormat] = [.mpegTS, .fragmentedMP4]

    public let container: ContainerFormat
    public let options: LiveVideoEncoderOptions
    /// Names the stream (a client, a URL) in errors.
    public let name: String
    /// Frames appended so far.
    public private(set) var frameCount = 0
    private let output: OutputFormatOwner
    private let io: SinkIOContextOwner
    private let encoder: VideoEncoder
    private let stream: UnsafeMutablePointer<AVStream>
    private var state = State.open

    private enum State {
        case open
        /// An append or finish failed (usually the sink); every later call throws this error.
        case stopped(MediaError)
        case finished
    }

    /// Validates the options, opens the encoder and the muxer, and writes the container header to `sink`.
    /// - Parameters:
    ///   - container: `.mpegTS` or `.fragmentedMP4` (`streamableContainers`).
    ///   - sink: receives the stream's bytes in order, in chunks of at most 32 KiB; throwing stops the writer.
    public init(container: ContainerFormat = .mpegTS, options: LiveVideoEncoderOptions, name: String = "video stream",
                sink: @escaping (_ chunk: [UInt8]) throws -> Void) throws(MediaError) {
        guard Self.streamableContainers.contains(container) else {
            throw .invalidOption(source: name, option: "container '\(container.rawValue)'",
                                 expected: "one written front to back: \(Self.streamableContainers.map(\.rawValue).joined(separator: " or "))")
        }
        try options.validate(for: name)
        let output = try OutputFormatOwner(muxerName: container.muxerName, path: name)
        let io = try SinkIOContextOwner(sink: ByteSink(sink))
        output.attach(io)
        let encoder = try VideoEncoder(options.encoderConfiguration(globalHeader: output.needsGlobalHeader), source: name)
        guard let stream = avformat_new_stream(output.pointer, nil) else { throw .outOfMemory("avformat_new_stream") }
        try encoder.describe(stream)
        self.container = container
        self.options = options
        self.name = name
        self.output = output
        self.io = io
        self.encoder = encoder
        self.stream = stream
        try perform("the \(container.rawValue) header") { () throws(MediaError) in
            try output.writeHeader(container: container, source: name)
        }
    }

    /// Bytes the sink accepted so far.
    public var bytesWritten: Int { io.sink.bytesWritten }
    /// What the sink threw, once it has; the writer is stopped then.
    public var sinkError: (any Error)? { io.sink.error }

    /// Encodes and muxes one frame of `options.width`×`options.height`, and hands its bytes to the sink.
    public func append(_ image: RGBImage) throws(MediaError) {
        guard image.width == options.width, image.height == options.height else {
            throw .invalidOption(source: name, option: "frame size \(image.width)x\(image.height) at frame \(frameCount)",
                                 expected: "\(options.width)x\(options.height) as set in the stream options")
        }
        try perform("frame \(frameCount)") { () throws(MediaError) in
            try encoder.encode(image, timestamp: Int64(frameCount), write)
        }
        frameCount += 1
    }

    /// Drains the encoder, writes the container's trailer and hands the last bytes to the sink.
    public func finish() throws(MediaError) {
        try perform("the end of the stream") { () throws(MediaError) in
            try encoder.flush(write)
            try checkFFmpeg(av_write_trailer(output.pointer), source: name,
                            operation: "writing the \(container.rawValue) trailer")
        }
        output.closeFile()
        state = .finished
    }

    private func write(_ packet: UnsafeMutablePointer<AVPacket>) throws(MediaError) {
        try output.write(packet, from: encoder, to: stream, source: name)
    }

    /// Runs one muxing step on an open writer and flushes its bytes to the sink; on failure stops
    /// the writer, blaming the sink when it threw (the muxer then only sees an I/O error).
    private func perform(_ what: @autoclosure () -> String, _ step: () throws(MediaError) -> Void) throws(MediaError) {
        switch state {
        case .open: break
        case let .stopped(error): throw error
        case .finished: preconditionFailure("StreamWriter used after finish()")
        }
        do throws(MediaError) {
            try step()
            avio_flush(io.pointer)
            if io.sink.error != nil { throw sinkFailure(sending: what()) }
        } catch {
            let failure = io.sink.error != nil ? sinkFailure(sending: what()) : error
            state = .stopped(failure)
            throw failure
        }
    }

    private func sinkFailure(sending what: String) -> MediaError {
        .operationFailed(source: name, operation: "sending \(what) to the sink",
                         reason: "the sink threw \(String(describing: io.sink.error!)); the stream is stopped")
    }
}

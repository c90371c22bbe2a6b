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
    private let encoder: VideoEncoder
    private let stream: UnsafeMutablePointer<AVStream>
    private var finished = false

    /// Validates `options`, opens the encoder and the temporary output file and writes the container header.
    /// - Parameter container: the format; inferred from `path`'s extension when nil.
    public init(path: String, options: VideoWriterOptions, container: ContainerFormat? = nil) throws(MediaError) {
        try options.validate(for: path)
        let container = if let container { container } else { try ContainerFormat(inferringFromPath: path) }
        let destination = AtomicDestination(finalPath: path)
        let output = try OutputFormatOwner(muxerName: container.muxerName, path: destination.temporaryPath)
        let encoder = try VideoEncoder(options.encoderConfiguration(globalHeader: output.needsGlobalHeader), source: path)
        guard let stream = avformat_new_stream(output.pointer, nil) else { throw .outOfMemory("avformat_new_stream") }
        try encoder.describe(stream)

        self.path = path
        self.options = options
        self.container = container
        self.destination = destination
        self.output = output
        self.encoder = encoder
        self.stream = stream
        // From here on, a throw runs deinit, which deletes the temporary file.
        try output.openFile(at: destination.temporaryPath, reportingAs: path)
        try output.writeHeader(container: container, source: path)
    }

    /// Encodes one frame; it must be `options.width`×`options.height`. Its time is `frameCount / frameRate`.
    public func append(_ image: RGBImage) throws(MediaError) {
        precondition(!finished, "VideoWriter.append after finish()")
        guard image.width == options.width, image.height == options.height else {
            throw .invalidOption(source: path, option: "frame size \(image.width)x\(image.height)",
                                 expected: "\(options.width)x\(options.height) as set in the writer options")
        }
        try encoder.encode(image, timestamp: Int64(frameCount), write)
        frameCount += 1
    }

    /// Drains the encoder, writes the trailer and renames the temporary file to `path`.
    public func finish() throws(MediaError) {
        precondition(!finished, "VideoWriter.finish() called twice")
        try encoder.flush(write)
        try checkFFmpeg(av_write_trailer(output.pointer), source: path, operation: "writing the \(container.rawValue) trailer")
        output.closeFile()
        try destination.commit()
        finished = true
    }

    /// Muxes one encoded packet.
    private func write(_ packet: UnsafeMutablePointer<AVPacket>) throws(MediaError) {
        try output.write(packet, from: encoder, to: stream, source: path)
    }

    deinit {
        if !finished {
            output.closeFile()
            destination.discard()
        }
    }
}

extension VideoWriterOptions {
    /// The encoder settings for a file: the encoder's defaults for B-frames and threads, codec
    /// headers in extradata when the container wants them (`globalHeader`).
    func encoderConfiguration(globalHeader: Bool) -> EncoderConfiguration {
        EncoderConfiguration(
            encoderName: encoderName, width: width, height: height, frameRate: frameRate, gopSize: gopSize,
            bitrate: bitrate, maximumBitrate: nil, bufferSize: nil, crf: crf, preset: preset,
            maximumBFrames: nil, threadCount: nil, globalHeader: globalHeader)
    }
}

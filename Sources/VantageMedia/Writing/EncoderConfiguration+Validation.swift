extension EncoderConfiguration {
    /// Presets libx264 accepts, fastest first.
    static let x264Presets = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"]

    /// The checks every encoder's options share; throws `.invalidOption` naming `destination` and
    /// the first field out of range.
    func validate(for destination: String) throws(MediaError) {
        func invalid(_ option: String, _ expected: String) -> MediaError {
            .invalidOption(source: destination, option: option, expected: expected)
        }
        guard width > 0, height > 0, width % 2 == 0, height % 2 == 0 else {
            throw invalid("size \(width)x\(height)", "positive, even width and height")
        }
        guard frameRate.isPositive else { throw invalid("frame rate \(frameRate)", "a positive ratio such as 25/1") }
        guard (0...51).contains(crf) else { throw invalid("crf \(crf)", "a value from 0 to 51") }
        guard Self.x264Presets.contains(preset) else {
            throw invalid("preset '\(preset)'", "one of \(Self.x264Presets.joined(separator: ", "))")
        }
        if let bitrate, bitrate <= 0 { throw invalid("bitrate \(bitrate)", "a positive number of bits per second") }
        guard gopSize > 0 else { throw invalid("GOP size \(gopSize)", "at least 1 frame") }
        if let threadCount, threadCount < 0 {
            throw invalid("thread count \(threadCount)", "0 (automatic) or more")
        }
        guard !encoderName.isEmpty else { throw invalid("encoder name ''", "an encoder such as libx264") }
    }
}

import CFFmpeg

/// Encodes rendered frames into H.264 access units for a browser's WebCodecs `VideoDecoder`
/// (sent over a WebSocket): libx264 with `tune=zerolatency`, no B-frames, constrained baseline or
/// main profile, Annex B with SPS/PPS before every keyframe, and exactly one access unit out for
/// each frame in, at once.
///
/// **Size changes.** The encoder starts at `options.width`×`options.height`. A frame of another
/// (even) size reopens the encoder at that size: its access unit is a keyframe with a new SPS/PPS,
/// carrying the new `width`, `height` and `codecString`, and frame indices and timestamps go on
/// counting. So a session can send half-size frames while the camera moves and full-size ones when
/// it rests; the browser reconfigures its decoder when a keyframe's size or codec string differs.
///
/// **Timestamps.** Each unit has its `frameIndex` (0, 1, 2, … since this encoder was made) and a
/// presentation time in microseconds, `frameIndex / frameRate` unless `encode` is given one.
///
/// Cheap to create (one libx264 context; no file, no thread with the default one-thread option):
/// make one per viewer session. Not thread-safe: use one encoder from one thread at a time.
public final class LiveVideoEncoder {
    public let options: LiveVideoEncoderOptions
    /// Names the encoder's output (a session, a viewer) in errors.
    public let name: String
    /// Frames encoded so far; the next frame's index.
    public private(set) var frameCount: Int64 = 0
    private var encoder: VideoEncoder
    private var keyframeRequested = false
    /// From the latest SPS; every keyframe brings one.
    private var profileLevel: H264ProfileLevel?

    /// Validates `options` and opens libx264.
    public init(options: LiveVideoEncoderOptions, name: String = "live H.264 stream") throws(MediaError) {
        try options.validate(for: name)
        self.options = options
        self.name = name
        encoder = try VideoEncoder(options.encoderConfiguration(globalHeader: false), source: name)
    }

    /// The size frames are encoded at now: `options`' size until a frame of another size arrives.
    public var width: Int { encoder.configuration.width }
    public var height: Int { encoder.configuration.height }

    /// Makes the next encoded frame a keyframe (an IDR picture with SPS and PPS), e.g. for a decoder
    /// that joins or lost a unit.
    public func forceKeyframe() {
        keyframeRequested = true
    }

    /// Encodes one frame and returns its access unit.
    /// - Parameter timestampMicroseconds: the unit's presentation time; `frameIndex / frameRate`
    ///   seconds when nil. It does not reach the encoder, whose rate control assumes `frameRate`.
    /// - Throws: `.invalidOption` for a frame with an odd width or height; `.operationFailed` when
    ///   libx264 fails or (contrary to its settings) holds the frame back.
    public func encode(_ image: RGBImage, timestampMicroseconds: Int64? = nil) throws(MediaError) -> H264AccessUnit {
        if image.width != width || image.height != height {
            try reopen(width: image.width, height: image.height)
        }
        var units: [EncodedPacket] = []
        try encoder.encode(image, timestamp: frameCount, keyframe: keyframeRequested) { packet in
            units.append(EncodedPacket(packet))
        }
        guard units.count == 1, let unit = units.first, !unit.data.isEmpty else {
            throw .operationFailed(
                source: name, operation: "encoding frame \(frameCount)",
                reason: "libx264 gave \(units.count) packets (expected one access unit per frame: zerolatency, no B-frames)")
        }
        if unit.isKeyframe {
            keyframeRequested = false
            profileLevel = H264Bitstream.profileLevel(in: unit.data) ?? profileLevel
        }
        guard let profileLevel else {
            throw .operationFailed(source: name, operation: "encoding frame \(frameCount)",
                                   reason: "the first access unit has no sequence parameter set (expected SPS/PPS before every keyframe)")
        }
        let start = microseconds(atFrame: frameCount)
        let accessUnit = H264AccessUnit(
            bytes: unit.data, isKeyframe: unit.isKeyframe, frameIndex: frameCount,
            timestampMicroseconds: timestampMicroseconds ?? start,
            durationMicroseconds: microseconds(atFrame: frameCount + 1) - start,
            width: width, height: height, profileLevel: profileLevel)
        frameCount += 1
        return accessUnit
    }

    /// A new libx264 context for frames of `width`×`height`; its first unit is a keyframe.
    private func reopen(width: Int, height: Int) throws(MediaError) {
        var resized = options
        resized.width = width
        resized.height = height
        do {
            try resized.validate(for: name)
        } catch {
            throw .invalidOption(source: name, option: "frame size \(width)x\(height) at frame \(frameCount)",
                                 expected: "an even width and height")
        }
        encoder = try VideoEncoder(resized.encoderConfiguration(globalHeader: false), source: name)
        keyframeRequested = true
    }

    /// The start of frame `index` on the `frameRate` clock, in microseconds (rounded to the nearest).
    private func microseconds(atFrame index: Int64) -> Int64 {
        av_rescale_q(index, AVRational(num: options.frameRate.denominator, den: options.frameRate.numerator),
                     AVRational(num: 1, den: 1_000_000))
    }
}

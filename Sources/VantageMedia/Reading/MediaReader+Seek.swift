import CFFmpeg

extension MediaReader {
    /// Returns the frame shown at `seconds` from the stream's start: the one with the largest
    /// presentation time ≤ `seconds` (half a frame period of tolerance absorbs rounding of the target).
    ///
    /// Seeks to the keyframe at or before the target, flushes the decoder and decodes forward;
    /// a later `nextFrame()` continues with the frame after the returned one. Targets before the
    /// first frame return the first frame, targets past the end the last one; nil only for an empty stream.
    public func seek(toSeconds seconds: Double) throws(MediaError) -> DecodedFrame? {
        guard seconds.isFinite else {
            throw .invalidOption(source: source, option: "seek time \(seconds)", expected: "a finite number of seconds")
        }
        let targetMicroseconds = Int64((seconds * 1_000_000).rounded())
        let toleranceMicroseconds = info.framesPerSecond > 0 ? Int64(500_000 / info.framesPerSecond) : 0
        let latestAccepted = targetMicroseconds &+ toleranceMicroseconds
        var backoffMicroseconds: Int64 = 0
        while true {
            let seekMicroseconds = max(targetMicroseconds &- backoffMicroseconds, 0)
            try seekToKeyframe(atOrBeforeMicroseconds: seekMicroseconds)
            guard var best = try nextFrame() else { return nil }
            if best.microseconds > latestAccepted && seekMicroseconds > 0 {
                // The demuxer landed after the target (B-frame reordering, sparse index): start earlier.
                backoffMicroseconds = max(backoffMicroseconds * 2, 1_000_000)
                continue
            }
            while let candidate = try nextFrame() {
                if candidate.microseconds > latestAccepted {
                    heldFrame = candidate
                    break
                }
                best = candidate
            }
            return best
        }
    }

    /// `av_seek_frame` backwards to a keyframe, then resets the decoder and the reader's end-of-stream state.
    private func seekToKeyframe(atOrBeforeMicroseconds microseconds: Int64) throws(MediaError) {
        let timestamp = startTimestamp &+ av_rescale_q(
            microseconds, AVRational(num: 1, den: 1_000_000), stream.pointee.time_base)
        try checkFFmpeg(av_seek_frame(input.pointer, stream.pointee.index, timestamp, AVSEEK_FLAG_BACKWARD),
                        source: source, operation: "seeking to \(describe(timestamp))")
        avcodec_flush_buffers(decoder.pointer)
        inputEnded = false
        finished = false
        heldFrame = nil
    }
}

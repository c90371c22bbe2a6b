/// Follows one camera's stream by sequence number: counts frames lost in gaps, refuses frames
/// whose sequence goes back, and holds compressed frames until a keyframe (at the start, after
/// joining mid-stream, and after a loss) so that everything kept can be decoded.
struct StreamTracker {
    enum Verdict: Equatable {
        /// Keep the frame; `lostBefore` frames went missing just before it.
        case accept(lostBefore: UInt64)
        /// A compressed frame that cannot be decoded without the keyframe still to come.
        case awaitKeyframe(lostBefore: UInt64)
        /// The sequence did not move forward within the same stream (duplicate or jump back).
        case sequenceWentBack(previous: UInt64)
    }

    private(set) var streamID: UInt64?
    private(set) var lastSequence: UInt64 = 0
    private var needsKeyframe = true

    /// Whether `header` starts a new stream (first frame, or a publisher restart).
    func isNewStream(_ header: FrameHeader) -> Bool { header.streamID != streamID }

    mutating func admit(_ header: FrameHeader) -> Verdict {
        var lost: UInt64 = 0
        if header.streamID != streamID {
            streamID = header.streamID
            needsKeyframe = true
        } else if header.sequence <= lastSequence {
            return .sequenceWentBack(previous: lastSequence)
        } else {
            lost = header.sequence - lastSequence - 1
            if lost > 0 { needsKeyframe = true }
        }
        lastSequence = header.sequence
        if needsKeyframe && !header.isKeyframe { return .awaitKeyframe(lostBefore: lost) }
        needsKeyframe = false
        return .accept(lostBefore: lost)
    }

    /// Squares the count with a heartbeat saying `sent` frames of `streamID` went out: frames
    /// after the last one seen that never arrived (dropped at a high-water mark with nothing
    /// after them to show the gap) are lost. Returns how many; 0 for another stream.
    mutating func reconcile(sent: UInt64, streamID heartbeatStream: UInt64) -> UInt64 {
        guard heartbeatStream == streamID, sent > lastSequence + 1 else { return 0 }
        let lost = sent - lastSequence - 1
        lastSequence = sent - 1
        needsKeyframe = true
        return lost
    }
}

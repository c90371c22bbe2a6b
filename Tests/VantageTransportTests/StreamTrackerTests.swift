import Testing
@testable import VantageTransport

@Suite struct StreamTrackerTests {
    private func header(_ sequence: UInt64, keyframe: Bool = false, stream: UInt64 = 7) -> FrameHeader {
        var header = TestFrames.compressed(sequence: sequence, keyframe: keyframe).header
        header.streamID = stream
        return header
    }

    @Test func countsGapsAndWaitsForTheNextKeyframeAfterALoss() {
        var tracker = StreamTracker()
        #expect(tracker.admit(header(0, keyframe: true)) == .accept(lostBefore: 0))
        #expect(tracker.admit(header(1)) == .accept(lostBefore: 0))
        #expect(tracker.admit(header(4)) == .awaitKeyframe(lostBefore: 2))
        #expect(tracker.admit(header(5)) == .awaitKeyframe(lostBefore: 0))
        #expect(tracker.admit(header(6, keyframe: true)) == .accept(lostBefore: 0))
    }

    @Test func joiningMidStreamStartsAtTheNextKeyframe() {
        var tracker = StreamTracker()
        #expect(tracker.admit(header(40)) == .awaitKeyframe(lostBefore: 0))
        #expect(tracker.admit(header(41)) == .awaitKeyframe(lostBefore: 0))
        #expect(tracker.admit(header(42, keyframe: true)) == .accept(lostBefore: 0))
    }

    @Test func aSequenceThatGoesBackIsRefusedAndDoesNotMoveTheTracker() {
        var tracker = StreamTracker()
        _ = tracker.admit(header(10, keyframe: true))
        #expect(tracker.admit(header(10)) == .sequenceWentBack(previous: 10))
        #expect(tracker.admit(header(3)) == .sequenceWentBack(previous: 10))
        #expect(tracker.admit(header(11)) == .accept(lostBefore: 0))
    }

    @Test func aNewStreamIDIsARestartNotAJumpBack() {
        var tracker = StreamTracker()
        _ = tracker.admit(header(500, keyframe: true))
        #expect(tracker.isNewStream(header(0, stream: 8)))
        #expect(tracker.admit(header(0, keyframe: true, stream: 8)) == .accept(lostBefore: 0))
    }

    @Test func aHeartbeatRevealsFramesLostAtTheTail() {
        var tracker = StreamTracker()
        _ = tracker.admit(header(0, keyframe: true))
        _ = tracker.admit(header(1))
        #expect(tracker.reconcile(sent: 2, streamID: 7) == 0)
        #expect(tracker.reconcile(sent: 5, streamID: 7) == 3)
        #expect(tracker.reconcile(sent: 9, streamID: 8) == 0)
        #expect(tracker.admit(header(5)) == .awaitKeyframe(lostBefore: 0))
        #expect(tracker.admit(header(6, keyframe: true)) == .accept(lostBefore: 0))
    }
}

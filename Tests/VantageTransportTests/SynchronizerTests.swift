import Testing
import VantageTestSupport
import VantageTransport

@Suite struct SynchronizerTests {
    @Test func frameLockedCamerasFormCompleteMomentsWithZeroSpread() {
        let times = (0..<10).map { Int64($0) * 16_667 }
        let sync = Synchronizer(cameras: ["a", "b", "c"], toleranceMicroseconds: 8_333)
        let moments = sync.moments(["a": times, "b": times.reversed(), "c": times])
        #expect(moments.count == 10)
        #expect(moments.allSatisfy { $0.isComplete && $0.spreadMicroseconds == 0 })
        #expect(moments.map(\.captureMicroseconds) == times)
    }

    @Test func aMissingFrameMarksItsMomentIncomplete() {
        let sync = Synchronizer(cameras: ["a", "b"], toleranceMicroseconds: 5_000)
        let moments = sync.moments(["a": [0, 10_000, 20_000], "b": [1_000, 21_000]])
        #expect(moments.count == 3)
        #expect(moments[1].missingCameras == ["b"])
        #expect(moments[1].frames == ["a": 10_000])
        #expect(moments[2].spreadMicroseconds == 1_000)
        #expect(SyncReport(moments).completeMoments == 2)
        #expect(SyncReport(moments).missingByCamera == ["b": 1])
    }

    @Test func aFramePairsWithTheCloserOfTwoCandidates() {
        // b at 30 ms is inside a's window at 0 (tolerance 16.7 ms) but belongs with a's frame at 33 ms.
        let sync = Synchronizer(cameras: ["a", "b"], toleranceMicroseconds: 16_667)
        let moments = sync.moments(["a": [0, 33_333], "b": [30_000]])
        #expect(moments.map(\.frames) == [["a": 0], ["a": 33_333, "b": 30_000]])
    }

    @Test func aCameraThatNeverDeliversIsMissingEverywhere() {
        let sync = Synchronizer(cameras: ["a", "b"], toleranceMicroseconds: 1_000)
        let moments = sync.moments(["a": [0, 40_000]])
        #expect(moments.allSatisfy { $0.missingCameras == ["b"] })
    }

    @Test func defaultToleranceIsHalfTheMedianInterval() {
        #expect(Synchronizer.halfFrameInterval(["a": [0, 20_000, 40_000, 60_000], "b": [5, 20_005]]) == 10_000)
        #expect(Synchronizer.halfFrameInterval(["a": [7]]) == nil)
    }

    @Test func everyFrameLandsInExactlyOneMoment() {
        var random = SplitMix64(state: 3)
        var times: [String: [Int64]] = [:]
        for camera in ["a", "b", "c", "d"] {
            times[camera] = (0..<200).compactMap { index in
                Int.random(in: 0..<10, using: &random) == 0 ? nil : Int64(index) * 33_333 + Int64.random(in: -12_000...12_000, using: &random)
            }
        }
        let moments = Synchronizer(cameras: ["a", "b", "c", "d"], toleranceMicroseconds: 16_666).moments(times)
        for (camera, cameraTimes) in times {
            #expect(moments.compactMap { $0.frames[camera] }.sorted() == cameraTimes.sorted())
        }
        #expect(moments.allSatisfy { $0.spreadMicroseconds <= 2 * 16_666 })
    }
}

import Testing
@testable import VantageGeometry

@Suite struct PathTimeMapTests {
    @Test func freezeKeepsReplayTimeWhileTheCameraMoves() {
        let sampler = PathSampler(PathFixtures.curvy(timeMap: [TimeMapPoint(time: 0, replayTime: 2.5)]))
        let frames = sampler.frames(fps: 25)
        #expect(frames.allSatisfy { $0.replaySeconds == 2.5 })
        #expect((frames.first!.position - frames.last!.position).length > 10)
    }

    @Test func slowMotionRunsReplayTimeAtAQuarterSpeed() {
        let sampler = PathSampler(PathFixtures.curvy(timeMap: [TimeMapPoint(time: 0, replayTime: 1), TimeMapPoint(time: 6, replayTime: 2.5)]))
        let frames = sampler.frames(fps: 30)
        for (a, b) in zip(frames, frames.dropFirst()) {
            #expect(abs((b.replaySeconds - a.replaySeconds) - 0.25 / 30) < 1e-12)
        }
        #expect(frames.first?.replaySeconds == 1 && frames.last?.replaySeconds == 2.5)
    }

    @Test func bulletTimeInTheMiddleThenRealTime() {
        // Real time for 2 s, frozen for 2 s, real time again: the map's points are passed exactly.
        let map = [TimeMapPoint(time: 0, replayTime: 3), TimeMapPoint(time: 2, replayTime: 5),
                   TimeMapPoint(time: 4, replayTime: 5), TimeMapPoint(time: 6, replayTime: 7)]
        let sampler = PathSampler(PathFixtures.curvy(timeMap: map))
        for point in map { #expect(sampler.sample(atSeconds: point.time).replaySeconds == point.replayTime) }
        #expect(sampler.sample(atSeconds: 3).replaySeconds == 5)
        #expect(abs(sampler.sample(atSeconds: 1).replaySeconds - 4) < 1e-12)
        #expect(abs(sampler.sample(atSeconds: 5.5).replaySeconds - 6.5) < 1e-12)
    }

    @Test func replayTimeHoldsOutsideTheMap() {
        let path = PathFixtures.curvy(timeMap: [TimeMapPoint(time: 1, replayTime: 10), TimeMapPoint(time: 2, replayTime: 11)])
        #expect(path.replayTime(atPathTime: 0) == 10)
        #expect(path.replayTime(atPathTime: 5) == 11)
    }
}

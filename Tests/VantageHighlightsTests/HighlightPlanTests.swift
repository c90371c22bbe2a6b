import Testing
import VantageGeometry
import VantageHighlights
import VantageMedia

/// A plan is the path sampled at the clip's rate, frame n at n / fps, sampled when asked for.
@Suite struct HighlightPlanTests {
    private func options(fps: Int) -> HighlightOptions {
        var options = HighlightOptions()
        options.size = ImageSize(width: 160, height: 90)
        options.framesPerSecond = fps
        return options
    }

    @Test func framesAreThePathSampledAtTheClipsRate() throws {
        let path = try CameraPath.orbit(center: Vector3(0, 0, 0), radius: 40, height: 15, degrees: 90, seconds: 2)
        let plan = try HighlightPlan(path: path, options: options(fps: 25))
        let sampled = PathSampler(path, size: ImageSize(width: 160, height: 90)).frames(fps: 25)
        #expect(plan.frameCount == 51 && Array(plan.samples) == sampled)
    }

    /// Ten days at 60 fps are 52 million frames: planned at once, any of them at hand, none held.
    @Test func aLongPathIsPlannedWithoutHoldingItsFrames() throws {
        let days = 10.0 * 24 * 3600
        let path = try CameraPath.orbit(center: Vector3(0, 0, 0), radius: 40, height: 15, degrees: 90, seconds: days)
        let plan = try HighlightPlan(path: path, options: options(fps: 60))
        #expect(plan.frameCount == Int(days) * 60 + 1)
        let last = plan.samples[plan.frameCount - 1]
        #expect(abs(last.time - days) < 1e-6)
        #expect(last == PathSampler(path, size: ImageSize(width: 160, height: 90)).sample(atSeconds: days))
    }
}

import Foundation
import VantageGeometry
import VantageHighlights
import VantageMedia

/// The body of `POST /api/jobs`: `{"path": <camera path>, "size": {"width", "height"}, "fps",
/// "crf", "preset"}` (all but `path` optional), checked whole before the job is queued.
enum JobRequest {
    private struct Settings: Decodable {
        var size: RenderBody.Size?
        var fps: Int?
        var crf: Double?
        var preset: String?
    }

    static func plan(from body: Data, service: RenderService) throws(APIError) -> HighlightPlan {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw .badRequest("body: expected a JSON object {\"path\": <camera path>, \"size\", \"fps\", \"crf\", \"preset\"}")
        }
        guard let pathObject = object["path"] as? [String: Any], let pathData = try? JSONSerialization.data(withJSONObject: pathObject) else {
            throw .badRequest("path: expected a camera path object (see docs/camera-paths.md)")
        }
        let path: CameraPath
        do {
            path = try CameraPath.decode(pathData, source: "path", bounds: service.rig.bounds)
        } catch {
            throw .badRequest("\(error)")
        }
        let settings: Settings
        do {
            settings = try JSONDecoder().decode(Settings.self, from: body)
        } catch {
            throw .badRequest("body: expected size {\"width\", \"height\"}, fps (a whole number), crf (a number) and preset (a string): \(error)")
        }
        var options = HighlightOptions()
        if let size = settings.size {
            let checked = try RenderTarget.checkedSize(width: size.width, height: size.height, options: service.options)
            guard size.width % 2 == 0, size.height % 2 == 0 else { throw .badRequest("size: H.264 needs even sides, found \(size.width)x\(size.height)") }
            options.size = checked
        } else {
            let size = options.frameSize(for: path)
            _ = try RenderTarget.checkedSize(width: size.width, height: size.height, options: service.options, field: "path.size")
        }
        options.framesPerSecond = settings.fps ?? options.framesPerSecond
        options.crf = settings.crf ?? options.crf
        options.preset = settings.preset ?? options.preset
        let plan: HighlightPlan
        do throws(MediaError) { plan = try HighlightPlan(path: path, options: options) } catch { throw .badRequest("\(error)") }
        guard plan.frameCount <= service.options.maxJobFrames else {
            throw .badRequest("path: \(plan.frameCount) frames (\(path.duration) s at \(options.framesPerSecond) fps) is more than this server renders in one job (\(service.options.maxJobFrames))")
        }
        let replay = service.replayInfo
        if let outside = plan.samples.first(where: { $0.replaySeconds < 0 || $0.replaySeconds > replay.lastFrameStartSeconds + 1e-6 }) {
            throw .badRequest("path.timeMap: replay time \(outside.replaySeconds) s at clip time \(outside.time) s is outside the replay (0...\(replay.lastFrameStartSeconds) s)")
        }
        return plan
    }
}

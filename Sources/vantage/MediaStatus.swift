import Foundation
import VantageGeometry
import VantageMedia

/// What `rig show` finds about a camera's media: whether it exists, its picture size, and
/// whether that matches the calibration.
struct MediaStatus {
    var location: String?
    var exists = false
    var videoSize: ImageSize?
    /// A short description of what is wrong, or `nil`.
    var problem: String?

    init(_ member: RigCamera, rigDirectory: URL) {
        guard let media = member.media else { return }
        location = media.location
        // URLs are not opened here: reaching a stream is the ingest node's job.
        if media.isURL { exists = true; return }
        let path = media.resolvedLocation(rigDirectory: rigDirectory)
        exists = FileManager.default.fileExists(atPath: path)
        guard exists else { problem = "media \(path) not found"; return }
        do {
            let info = try MediaReader(path).info
            let size = ImageSize(width: info.width, height: info.height)
            videoSize = size
            if size != member.camera.size {
                problem = "media is \(size) but the calibration is \(member.camera.size)"
            }
        } catch {
            problem = "\(error)"
        }
    }

    var summary: String {
        guard let location else { return "-" }
        let name = location.split(separator: "/").last.map(String.init) ?? location
        if !exists { return "\(name) (missing)" }
        if let size = videoSize, problem != nil { return "\(name) (\(size)!)" }
        return problem == nil ? name : "\(name) (unreadable)"
    }
}

import Foundation
import VantageMedia

/// What one camera's rendered view becomes on disk for one frame: a video frame (source
/// cameras), a PNG (truth cameras) and/or a depth map.
///
/// The frame's outputs are written in parallel, one task per camera; each task touches only its
/// own camera's writer and files (a `VideoWriter` is used by one task at a time, in frame order),
/// which is what makes the unchecked `Sendable` sound.
struct FrameOutput: @unchecked Sendable {
    var view: RenderedView
    var video: VideoWriter?
    var picture: URL?
    var depth: URL?

    func write() throws {
        if let video { try video.append(view.image) }
        if let picture { try ImageIO.write(view.image, to: picture.path, format: .png) }
        if let depth { try view.depth.writePFM(to: depth.path) }
    }

    /// Writes every output, in parallel; throws the first error after all have finished.
    static func writeAll(_ outputs: [FrameOutput]) throws {
        let errors = ErrorCollector()
        DispatchQueue.concurrentPerform(iterations: outputs.count) { index in
            do { try outputs[index].write() } catch { errors.add(error) }
        }
        if let first = errors.first { throw first }
    }
}

/// Errors gathered from parallel tasks, in no particular order.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []

    func add(_ error: Error) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }

    var first: Error? {
        lock.lock()
        defer { lock.unlock() }
        return errors.first
    }
}

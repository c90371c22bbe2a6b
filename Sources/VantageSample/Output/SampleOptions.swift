import Foundation
import VantageGeometry

/// What `vantage sample stadium` renders. `validate()` runs before any work starts.
public struct SampleOptions: Sendable {
    /// Which cameras get a per-frame ground-truth depth map.
    public enum DepthMaps: String, Sendable, CaseIterable {
        case all, truth, none
    }

    /// The folder to create; it must not exist yet unless `overwrite` is set.
    public var output: URL
    /// Number of source cameras around the stands.
    public var cameras = 8
    /// Number of ground-truth cameras at poses no source has.
    public var truthCameras = 4
    public var seconds = 4.0
    public var framesPerSecond = 25
    public var size = ImageSize(width: 960, height: 540)
    public var seed: UInt64 = 1
    public var depthMaps = DepthMaps.all
    /// Replace an existing output folder (only once the new sample is complete).
    public var overwrite = false
    /// Replay time of the contact sheet of all cameras; the middle of the clip when `nil`.
    public var contactSheetSeconds: Double?

    public init(output: URL) { self.output = output }

    /// The cameras that get depth maps under `depthMaps`.
    func depthCameras<Camera>(sources: [Camera], truths: [Camera]) -> [Camera] {
        switch depthMaps {
        case .all: sources + truths
        case .truth: truths
        case .none: []
        }
    }

    public var frameCount: Int { Int((seconds * Double(framesPerSecond)).rounded()) }

    /// The frame shown on the contact sheet.
    public var contactSheetFrame: Int {
        let seconds = contactSheetSeconds ?? self.seconds / 2
        return min(frameCount - 1, max(0, Int((seconds * Double(framesPerSecond)).rounded())))
    }

    /// Throws an `InputError` naming the first option out of range.
    public func validate() throws {
        func fail(_ option: String, _ message: String) -> InputError { InputError("vantage sample stadium", at: option, message) }
        guard (1...64).contains(cameras) else { throw fail("--cameras", "expected 1 to 64 source cameras, found \(cameras)") }
        guard (0...16).contains(truthCameras) else { throw fail("--truth", "expected 0 to 16 truth cameras, found \(truthCameras)") }
        guard seconds.isFinite, seconds > 0, seconds <= 600 else { throw fail("--seconds", "expected a duration above 0 and at most 600 s, found \(seconds)") }
        guard (1...120).contains(framesPerSecond) else { throw fail("--fps", "expected 1 to 120 frames per second, found \(framesPerSecond)") }
        guard frameCount >= 1 else { throw fail("--seconds", "expected at least one frame at \(framesPerSecond) fps, found \(seconds) s") }
        guard (16...7680).contains(size.width), (16...4320).contains(size.height), size.width % 2 == 0, size.height % 2 == 0 else {
            throw fail("--size", "expected even sizes from 16×16 to 7680×4320 (H.264 needs even sizes), found \(size)")
        }
        if let contactSheetSeconds, !(contactSheetSeconds >= 0 && contactSheetSeconds < seconds) {
            throw fail("--contact-sheet-time", "expected a time in [0, \(seconds)) s, found \(contactSheetSeconds)")
        }
        let parent = output.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(output.path, "the folder it goes in, \(parent.path), does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: parent.path) else {
            throw InputError(output.path, "cannot write in \(parent.path)")
        }
        if FileManager.default.fileExists(atPath: output.path), !overwrite {
            throw InputError(output.path, "already exists; choose another --output or pass --overwrite")
        }
    }
}

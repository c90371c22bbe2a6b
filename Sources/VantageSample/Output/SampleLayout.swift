import Foundation

/// Where each part of a sample lives inside its folder (documented in `sample.json` too).
public struct SampleLayout: Sendable {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    public static let sourceRigName = "rig.json"
    public static let truthRigName = "truth-rig.json"
    public static let manifestName = "sample.json"
    public static let contactSheetName = "contact-sheet.png"
    /// Frame files are numbered from 0 with six digits; libavformat's image2 pattern reads them as a sequence.
    public static let framePattern = "%06d"

    public var sourceRig: URL { folder.appendingPathComponent(Self.sourceRigName) }
    public var truthRig: URL { folder.appendingPathComponent(Self.truthRigName) }
    public var manifest: URL { folder.appendingPathComponent(Self.manifestName) }
    public var contactSheet: URL { folder.appendingPathComponent(Self.contactSheetName) }

    /// A source camera's H.264 recording, relative to the folder.
    public static func videoName(_ camera: String) -> String { "\(camera).mp4" }
    /// A truth camera's frames (PNG), relative to the folder, as an image2 pattern.
    public static func truthFramePattern(_ camera: String) -> String { "truth/\(camera)/\(framePattern).png" }
    /// A camera's depth maps (PFM), relative to the folder, as a pattern.
    public static func depthPattern(_ camera: String) -> String { "depth/\(camera)/\(framePattern).pfm" }

    public func truthFrame(_ camera: String, frame: Int) -> URL { file(Self.truthFramePattern(camera), frame) }
    public func depth(_ camera: String, frame: Int) -> URL { file(Self.depthPattern(camera), frame) }

    private func file(_ pattern: String, _ frame: Int) -> URL {
        folder.appendingPathComponent(pattern.replacingOccurrences(of: Self.framePattern, with: String(format: "%06d", frame)))
    }
}

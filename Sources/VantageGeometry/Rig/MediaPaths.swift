import Foundation

extension MediaReference {
    /// The location to open: URLs and absolute paths as they are, relative paths against the
    /// folder of the rig file.
    public func resolvedLocation(rigDirectory: URL) -> String {
        if isURL || location.hasPrefix("/") { return location }
        return rigDirectory.appendingPathComponent(location).standardizedFileURL.path
    }
}

extension Rig {
    /// The rig with relative media and timestamp paths resolved against `rigDirectory` (the
    /// folder of the file it was read from), so it can be written anywhere else.
    public func withAbsoluteMediaPaths(rigDirectory: URL) -> Rig {
        var copy = self
        for index in copy.cameras.indices {
            guard var media = copy.cameras[index].media else { continue }
            media.location = media.resolvedLocation(rigDirectory: rigDirectory)
            if let path = media.timestamps?.path, !path.hasPrefix("/") {
                media.timestamps?.path = rigDirectory.appendingPathComponent(path).standardizedFileURL.path
            }
            copy.cameras[index].media = media
        }
        return copy
    }

    /// The rig with every absolute media and timestamp path rewritten relative to `directory`
    /// (where the rig file will be written), so the rig and its media can move together.
    public func withMediaPaths(relativeTo directory: URL) -> Rig {
        var copy = self
        for index in copy.cameras.indices {
            guard var media = copy.cameras[index].media else { continue }
            if !media.isURL { media.location = relativePath(media.location, from: directory) }
            if let timestampPath = media.timestamps?.path {
                media.timestamps?.path = relativePath(timestampPath, from: directory)
            }
            copy.cameras[index].media = media
        }
        return copy
    }
}

/// `path` relative to `directory` when `path` is absolute (with `..` as needed), else unchanged.
func relativePath(_ path: String, from directory: URL) -> String {
    guard path.hasPrefix("/") else { return path }
    let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    let base = directory.standardizedFileURL.pathComponents
    var common = 0
    while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    return (ups + target[common...]).joined(separator: "/")
}

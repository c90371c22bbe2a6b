import Foundation

/// File access shared by the importers: every failure is an `InputError` naming the file.
enum ImportFiles {
    static func data(of url: URL) throws -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError(url.path, "no such file")
        }
        do { return try Data(contentsOf: url) } catch {
            throw InputError(url.path, "cannot read the file (\(error.localizedDescription))")
        }
    }

    static func text(of url: URL) throws -> String {
        guard let text = String(data: try data(of: url), encoding: .utf8) else {
            throw InputError(url.path, "expected UTF-8 text")
        }
        return text
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The first of `candidates` that is an existing file, as an absolute, standardized path.
    static func firstExisting(_ candidates: [URL]) -> String? {
        candidates.first(where: isFile)?.standardizedFileURL.path
    }

    /// The first `count` bytes of a file (fewer if it is shorter), for sniffing its format.
    static func prefix(of url: URL, count: Int) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: count)
    }
}

/// A number written in a text format (XML attribute, COLMAP line): `nil` unless it parses and is finite.
func finiteNumber<S: StringProtocol>(_ text: S) -> Double? {
    guard let value = Double(String(text)), value.isFinite else { return nil }
    return value
}

/// The parts of a camera that `checked` may complain about.
enum CameraPart {
    case name, size, intrinsics, distortion, rotation, translation
}

/// Runs the rig checks on one freshly imported camera and reports the first problem at the
/// place in the source that held the offending value (`placeOf` maps a part to that place).
func checked(_ camera: Camera, source: String, placeOf: (CameraPart) -> String) throws -> Camera {
    guard let problem = camera.problems.first else { return camera }
    let part: CameraPart
    switch problem.field {
    case "name": part = .name
    case "size": part = .size
    case "distortion": part = .distortion
    case "camFromWorld.rotation": part = .rotation
    case "camFromWorld.translation": part = .translation
    default: part = .intrinsics
    }
    throw InputError(source, at: placeOf(part), "\(problem.message) (camera \(camera.name), \(problem.field))")
}

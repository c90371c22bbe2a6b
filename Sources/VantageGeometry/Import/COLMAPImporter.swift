import Foundation

/// COLMAP text model: `cameras.txt` (`CAMERA_ID MODEL WIDTH HEIGHT PARAMS…`) and `images.txt`
/// (`IMAGE_ID QW QX QY QZ TX TY TZ CAMERA_ID NAME`, then a line of 2D points, possibly empty);
/// `#` starts a comment. Accepts the model folder, either file, or a project folder holding
/// `sparse/0/` or `sparse/`.
///
/// Conversion: the quaternion and translation map world to camera in OpenCV axes (COLMAP's
/// own), so they are used as is. COLMAP puts the top-left pixel's centre at (0.5, 0.5): cx and
/// cy are shifted by −0.5. Models: SIMPLE_PINHOLE (f, cx, cy), PINHOLE (fx, fy, cx, cy),
/// SIMPLE_RADIAL (f, cx, cy, k), RADIAL (f, cx, cy, k1, k2), OPENCV (fx, fy, cx, cy, k1, k2,
/// p1, p2); the radial terms are OpenCV's k1, k2. World units and up axis are unknown.
/// Cameras are named by the image's file stem (its path if stems repeat); media is
/// `images/<NAME>` in the project folder or beside/above the model folder, when it exists.
public enum COLMAPImporter: RigImporter {
    public static let format = RigFormat.colmap

    public static func recognizes(_ url: URL) -> Bool { modelFolder(for: url) != nil }

    /// The folder holding `cameras.txt` and `images.txt` for `url`.
    static func modelFolder(for url: URL) -> URL? {
        let base = ImportFiles.isDirectory(url) ? url : url.deletingLastPathComponent()
        return [base, base.appendingPathComponent("sparse/0"), base.appendingPathComponent("sparse")].first { folder in
            ImportFiles.isFile(folder.appendingPathComponent("cameras.txt"))
                && ImportFiles.isFile(folder.appendingPathComponent("images.txt"))
        }
    }

    public static func read(_ url: URL) throws -> ImportedRig {
        guard let folder = modelFolder(for: url) else {
            if !FileManager.default.fileExists(atPath: url.path) { throw InputError(url.path, "no such file or folder") }
            throw InputError(url.path, "expected a COLMAP text model: cameras.txt and images.txt here or in sparse/0/ or sparse/")
        }
        let project = ImportFiles.isDirectory(url) ? url : url.deletingLastPathComponent()
        let imageFolders = [project, folder, folder.deletingLastPathComponent(), folder.deletingLastPathComponent().deletingLastPathComponent()]
            .map { $0.appendingPathComponent("images") }
        let lenses = try readCameras(folder.appendingPathComponent("cameras.txt"))
        let imagesURL = folder.appendingPathComponent("images.txt")
        var names: Set<String> = []
        var cameras: [RigCamera] = []
        for line in try COLMAPText.lines(of: imagesURL, pairedWithNextLine: true) {
            let f = line.fields
            func fail(_ message: String) -> InputError { InputError(imagesURL.path, at: "line \(line.number)", message) }
            guard f.count >= 10 else { throw fail("expected IMAGE_ID QW QX QY QZ TX TY TZ CAMERA_ID NAME, found \(f.count) fields") }
            let numbers = f[1...7].compactMap(finiteNumber)
            guard numbers.count == 7 else { throw fail("expected finite numbers for QW QX QY QZ TX TY TZ, found \(f[1...7].joined(separator: " "))") }
            let quaternionNorm = (numbers[0...3].map { $0 * $0 }.reduce(0, +)).squareRoot()
            guard quaternionNorm > 1e-9 else { throw fail("expected a nonzero quaternion") }
            guard let lens = lenses[f[8]] else { throw fail("CAMERA_ID \(f[8]) is not in cameras.txt") }
            let imageName = f[9...].joined(separator: " ")
            let stem = URL(fileURLWithPath: imageName).deletingPathExtension().lastPathComponent
            let name = names.contains(stem) ? (imageName as NSString).deletingPathExtension : stem
            names.insert(name)
            let camera = Camera(name: name, size: lens.size, intrinsics: lens.intrinsics, distortion: lens.distortion,
                                camFromWorld: RigidTransform(
                                    rotation: Rotation.fromQuaternion(w: numbers[0], x: numbers[1], y: numbers[2], z: numbers[3]),
                                    translation: Vector3(numbers[4], numbers[5], numbers[6])))
            let media = ImportFiles.firstExisting(imageFolders.map { $0.appendingPathComponent(imageName) })
            cameras.append(RigCamera(try checked(camera, source: imagesURL.path) { _ in "line \(line.number)" },
                                     media: media.map { MediaReference(location: $0) }))
        }
        let rig = Rig(name: project.lastPathComponent, world: WorldFrame(units: .unknown, up: nil, note: "COLMAP model frame"),
                      cameras: cameras)
        try rig.validate(source: imagesURL.path)
        return ImportedRig(rig: rig)
    }

    private struct Lens { var size: ImageSize; var intrinsics: Intrinsics; var distortion: Distortion }

    /// Parameter counts of the supported models.
    private static let parameterCounts = ["SIMPLE_PINHOLE": 3, "PINHOLE": 4, "SIMPLE_RADIAL": 4, "RADIAL": 5, "OPENCV": 8]

    private static func readCameras(_ url: URL) throws -> [String: Lens] {
        var lenses: [String: Lens] = [:]
        for line in try COLMAPText.lines(of: url, pairedWithNextLine: false) {
            let f = line.fields
            func fail(_ message: String) -> InputError { InputError(url.path, at: "line \(line.number)", message) }
            guard f.count >= 4 else { throw fail("expected CAMERA_ID MODEL WIDTH HEIGHT PARAMS…, found \(f.count) fields") }
            guard let count = parameterCounts[f[1]] else {
                throw fail("camera model \(f[1]) is not supported; expected one of \(parameterCounts.keys.sorted().joined(separator: ", "))")
            }
            guard let width = Int(f[2]), let height = Int(f[3]), f.count == 4 + count else {
                throw fail("expected WIDTH HEIGHT and \(count) parameters for \(f[1]), found \(f.count) fields")
            }
            let p = f[4...].compactMap(finiteNumber)
            guard p.count == count else { throw fail("expected \(count) finite numbers as \(f[1]) parameters") }
            let (fx, fy, rest) = f[1].hasPrefix("SIMPLE") || f[1] == "RADIAL" ? (p[0], p[0], Array(p[1...])) : (p[0], p[1], Array(p[2...]))
            let extra = Array(rest.dropFirst(2))  // distortion terms after cx, cy
            let distortion = f[1] == "OPENCV" ? Distortion(k1: extra[0], k2: extra[1], p1: extra[2], p2: extra[3])
                : Distortion(k1: extra.first ?? 0, k2: extra.count > 1 ? extra[1] : 0)
            guard fx > 0, fy > 0, width > 0, height > 0 else { throw fail("expected a positive size and focal length, found \(line.text)") }
            lenses[f[0]] = Lens(size: ImageSize(width: width, height: height),
                                intrinsics: Intrinsics(fx: fx, fy: fy, cx: rest[0] - 0.5, cy: rest[1] - 0.5), distortion: distortion)
        }
        return lenses
    }
}

/// The meaningful lines of a COLMAP text file with their 1-based line numbers.
enum COLMAPText {
    struct Line { var number: Int; var text: String; var fields: [String] }

    /// Lines that are neither comments nor blank. With `pairedWithNextLine` (images.txt) the line
    /// after each returned one — the 2D points, possibly empty — is skipped.
    static func lines(of url: URL, pairedWithNextLine: Bool) throws -> [Line] {
        let all = try ImportFiles.text(of: url).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var result: [Line] = []
        var index = 0
        while index < all.count {
            let text = all[index].trimmingCharacters(in: .whitespaces)
            index += 1
            if text.isEmpty || text.hasPrefix("#") { continue }
            result.append(Line(number: index, text: text, fields: text.split(separator: " ").map(String.init)))
            if pairedWithNextLine { index += 1 }
        }
        return result
    }
}

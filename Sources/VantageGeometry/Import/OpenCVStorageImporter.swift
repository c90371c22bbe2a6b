import Foundation

/// OpenCV `cv::FileStorage` calibration files (YAML with the `%YAML:1.0` header, or XML with an
/// `<opencv_storage>` root): one camera per file, named by the file's stem; a folder of such
/// files is a rig with one camera each (in file-name order).
///
/// Keys (first present wins): K `K` / `camera_matrix` / `cameraMatrix`; distortion `D` /
/// `dist_coeffs` / `distCoeffs` / `distortion_coefficients` (optional); `R` (3×3 or a 3×1
/// Rodrigues vector) and `T` / `t` / `tvec`, mapping world to camera; size `image_width` +
/// `image_height`, or `image_size` / `size` as [width, height].
///
/// Conversion: none — OpenCV's axes and pixel convention are Vantage's (`OpenCVCameraBuilder`).
/// World units (those of the calibration target) and the up axis are unknown.
public enum OpenCVStorageImporter: RigImporter {
    public static let format = RigFormat.opencv

    private static let extensions: Set<String> = ["yml", "yaml", "xml"]

    public static func recognizes(_ url: URL) -> Bool { !storageFiles(at: url).isEmpty }

    /// The FileStorage files that `url` names: itself, or those in the folder.
    static func storageFiles(at url: URL) -> [URL] {
        guard ImportFiles.isDirectory(url) else { return OpenCVStorage.isStorage(url) ? [url] : [] }
        let entries = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return entries.filter { extensions.contains($0.pathExtension.lowercased()) && OpenCVStorage.isStorage($0) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    public static func read(_ url: URL) throws -> ImportedRig {
        let files = storageFiles(at: url)
        guard !files.isEmpty else {
            if !FileManager.default.fileExists(atPath: url.path) { throw InputError(url.path, "no such file or folder") }
            throw InputError(url.path, "expected an OpenCV FileStorage file (%YAML:1.0 or <opencv_storage>) or a folder of them")
        }
        let cameras = try files.map { RigCamera(try readCamera($0)) }
        let rig = Rig(name: url.deletingPathExtension().lastPathComponent,
                      world: WorldFrame(units: .unknown, up: nil, note: "OpenCV calibration frame"), cameras: cameras)
        try rig.validate(source: url.path)
        return ImportedRig(rig: rig)
    }

    private static func readCamera(_ url: URL) throws -> Camera {
        let root = JSONField(try OpenCVStorage.parse(url), source: url.path)
        func first(_ keys: [String]) throws -> JSONField? {
            for key in keys { if let field = try root.optional(key) { return field } }
            return nil
        }
        func required(_ keys: [String]) throws -> JSONField {
            guard let field = try first(keys) else {
                throw InputError(url.path, at: keys.joined(separator: " / "), "missing; one of these keys is required")
            }
            return field
        }
        let size: ImageSize, sizePlace: String
        if let width = try root.optional("image_width") {
            let height = try root.required("image_height")
            (size, sizePlace) = (ImageSize(width: try width.int(), height: try height.int()), "image_width / image_height")
        } else {
            let field = try required(["image_size", "size"])
            (size, sizePlace) = (try field.imageSize(), field.path)
        }
        return try OpenCVCameraBuilder.camera(
            name: url.deletingPathExtension().lastPathComponent, size: size, sizePlace: sizePlace,
            matrix: try required(["K", "camera_matrix", "cameraMatrix"]),
            distortion: try first(["D", "dist_coeffs", "distCoeffs", "distortion_coefficients"]),
            rotation: try required(["R"]), translation: try required(["T", "t", "tvec"]))
    }
}

import Foundation

/// NeRF / instant-ngp `transforms*.json`: `frames[]` with `file_path` and `transform_matrix`.
///
/// Source convention and conversion:
/// - `transform_matrix` is camera-to-world with OpenGL camera axes (x right, y up, looking down
///   −z): `camFromWorld = (c2w · diag(1, −1, −1))⁻¹`.
/// - Intrinsics (a frame's own keys override the top level's): `fl_x`/`fl_y` in pixels, else
///   `camera_angle_x` (and `camera_angle_y`) in radians: fx = W/2 / tan(angle_x/2), fy likewise
///   or fy = fx. `cx`/`cy` put the top-left pixel's centre at (0.5, 0.5): shifted by −0.5; when
///   absent the principal point is the image centre ((W−1)/2, (H−1)/2). Distortion `k1`, `k2`,
///   `p1`, `p2`, `k3` is OpenCV's. The size is `w`/`h`, else the image's PNG header.
/// - Frames whose image is missing (tried as written, then with `.png` appended, as NeRF's
///   synthetic scenes omit it) are skipped with a warning; no frame left is an error.
/// - World units are unknown. `world.up` is "+z" only with evidence from the cameras: every
///   centre has z ≥ 0 and every camera's image-up points to +z (true of the upper-hemisphere
///   synthetic scenes); otherwise `nil`.
/// Cameras are named by their image's file stem (its relative path if stems repeat); media is the
/// absolute image path.
public enum NeRFImporter: RigImporter {
    public static let format = RigFormat.nerf

    public static func recognizes(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "json", let text = try? ImportFiles.text(of: url) else { return false }
        return text.contains("\"frames\"") && text.contains("\"transform_matrix\"")
    }

    public static func read(_ url: URL) throws -> ImportedRig {
        let source = url.path
        let root = JSONField(try JSONValue.parse(try ImportFiles.data(of: url), source: source), source: source)
        let folder = url.deletingLastPathComponent()
        var warnings: [String] = []
        var cameras: [RigCamera] = []
        var names: Set<String> = []
        for frame in try root.required("frames").items() {
            let pathField = try frame.required("file_path")
            let written = try pathField.string()
            let candidates = [folder.appendingPathComponent(written), folder.appendingPathComponent(written + ".png")]
            guard let imagePath = ImportFiles.firstExisting(candidates) else {
                warnings.append("\(source): \(pathField.path): image \(candidates[0].standardizedFileURL.path) not found (also tried .png); frame skipped")
                continue
            }
            let stem = URL(fileURLWithPath: imagePath).deletingPathExtension().lastPathComponent
            let name = names.contains(stem) ? (written as NSString).deletingPathExtension : stem
            names.insert(name)
            let camera = try readCamera(frame, root: root, name: name, image: URL(fileURLWithPath: imagePath))
            cameras.append(RigCamera(camera, media: MediaReference(location: imagePath)))
        }
        guard !cameras.isEmpty else { throw InputError(source, at: "frames", "no frame has an existing image") }
        let upright = cameras.allSatisfy { $0.camera.centerInWorld.z >= 0 && $0.camera.upInWorld.z > 0 }
        let note = upright ? "NeRF scene frame; +z up inferred: every camera is above z = 0 and upright" : "NeRF scene frame"
        let rig = Rig(name: folder.lastPathComponent, world: WorldFrame(units: .unknown, up: upright ? "+z" : nil, note: note),
                      cameras: cameras)
        try rig.validate(source: source)
        return ImportedRig(rig: rig, warnings: warnings)
    }

    private static func readCamera(_ frame: JSONField, root: JSONField, name: String, image: URL) throws -> Camera {
        func key(_ name: String) throws -> JSONField? { try frame.optional(name) ?? root.optional(name) }
        let size: ImageSize
        if let w = try key("w"), let h = try key("h") {
            size = ImageSize(width: try w.int(), height: try h.int())
        } else if let header = PNGHeader.size(of: image) {
            size = header
        } else {
            throw frame.error("no w/h keys and \(image.path) is not a readable PNG; cannot tell the image size")
        }
        let fx: Double
        if let field = try key("fl_x") { fx = try field.double() } else {
            guard let angle = try key("camera_angle_x") else { throw frame.error("expected fl_x or camera_angle_x (here or at the top level)") }
            fx = Double(size.width) / 2 / tan(try angle.double() / 2)
        }
        var fy = fx
        if let field = try key("fl_y") { fy = try field.double() } else if let angle = try key("camera_angle_y") {
            fy = Double(size.height) / 2 / tan(try angle.double() / 2)
        }
        func term(_ name: String) throws -> Double { try key(name)?.double() ?? 0 }
        let matrixField = try frame.required("transform_matrix")
        let c2w = try OpenCVMatrix(matrixField)
        guard (c2w.rows == 4 || c2w.rows == 3), c2w.columns == 4 else {
            throw matrixField.error("expected a 4×4 (or 3×4) matrix, found \(c2w.rows)×\(c2w.columns)")
        }
        let row = { (r: Int) in Vector3(c2w.values[4 * r], c2w.values[4 * r + 1], c2w.values[4 * r + 2]) }
        let worldFromOpenGLCam = Matrix3(rows: row(0), row(1), row(2))
        let worldFromCam = RigidTransform(rotation: worldFromOpenGLCam * .diagonal([1, -1, -1]),
                                          translation: Vector3(c2w.values[3], c2w.values[7], c2w.values[11]))
        let camera = Camera(
            name: name, size: size,
            intrinsics: Intrinsics(fx: fx, fy: fy,
                                   cx: try key("cx").map { try $0.double() - 0.5 } ?? Double(size.width - 1) / 2,
                                   cy: try key("cy").map { try $0.double() - 0.5 } ?? Double(size.height - 1) / 2),
            distortion: Distortion(k1: try term("k1"), k2: try term("k2"), p1: try term("p1"), p2: try term("p2"), k3: try term("k3")),
            camFromWorld: worldFromCam.inverse)
        return try checked(camera, source: frame.source) { part in
            switch part {
            case .rotation, .translation: return matrixField.path
            default: return frame.path
            }
        }
    }
}

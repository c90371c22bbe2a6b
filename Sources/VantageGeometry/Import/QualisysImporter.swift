import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Qualisys QTM calibration export (`.qca.txt`, XML): `<calibration><cameras><camera serial=…>`
/// with `<fov_video>`, `<transform>` and `<intrinsic>`.
///
/// Source convention and conversion:
/// - `focalLengthU/V`, `centerPointU/V` are in 1/64 pixel: divided by 64; the principal point is
///   made relative to `fov_video`'s left/top; size = (right − left + 1) × (bottom − top + 1).
///   No half-pixel shift is applied (QTM states no pixel-centre convention; 0.5 px is well
///   below these calibrations' accuracy).
/// - `x, y, z` is the camera centre in millimetres: C = (x, y, z)/1000 m.
/// - With M the row-major `r11…r33`, `R_camFromWorld = diag(1, −1, −1)·M` and `t = −R·C`.
///   Evidence (pose2sim `Calib.qca.txt`, 4 cameras): with this choice the four optical axes pass
///   within 0.11 m of one point 3.3–3.8 m in front of every camera, and that point projects
///   within ~60 px of each 1088×1920 image's centre. `M` alone puts the point 3.3–3.8 m
///   *behind* every camera; `Mᵀ` and `diag·Mᵀ` give no common point (axes miss by 0.4–3 m,
///   7–11 m away). So Qualisys' camera frame is OpenCV's with y and z flipped.
/// - Distortion: `radialDistortion1/2/3` = k1, k2, k3; `tangentalDistortion1/2` = p1, p2 (OpenCV).
/// - World: metres; +z is up — the lab frame of QTM has z vertical, and in pose2sim every
///   camera's image-up direction has a positive z component and the cameras sit 1.7–2.1 m above
///   the axes' meeting point at z ≈ 0.6 m.
/// A nonzero `viewrotation` (a video rotated in QTM) is refused rather than guessed at.
/// Cameras are named by `serial`; media is `<calibration folder>/../videos/<serial>.mp4` when it exists.
public enum QualisysImporter: RigImporter {
    public static let format = RigFormat.qualisys

    public static func recognizes(_ url: URL) -> Bool {
        guard ImportFiles.isFile(url), let head = ImportFiles.prefix(of: url, count: 4096),
              let text = String(data: head, encoding: .utf8) ?? String(data: head, encoding: .isoLatin1) else { return false }
        return text.contains("<calibration") && text.contains("<cameras")
    }

    public static func read(_ url: URL) throws -> ImportedRig {
        let source = url.path
        let document: XMLDocument
        do { document = try XMLDocument(data: try ImportFiles.data(of: url)) } catch let error as InputError { throw error } catch {
            throw InputError(source, "not valid XML (\(error.localizedDescription))")
        }
        guard let root = document.rootElement(), root.name == "calibration",
              let list = root.elements(forName: "cameras").first else {
            throw InputError(source, at: "calibration/cameras", "expected a <calibration> root holding <cameras>")
        }
        let videos = url.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("videos")
        let cameras = try list.elements(forName: "camera").enumerated().map { index, element in
            let camera = try readCamera(element, index: index, source: source)
            let video = ImportFiles.firstExisting([videos.appendingPathComponent("\(camera.name).mp4")])
            return RigCamera(camera, media: video.map { MediaReference(location: $0) })
        }
        let rig = Rig(name: url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent,
                      world: WorldFrame(units: .metres, up: "+z", note: "Qualisys lab frame"), cameras: cameras)
        try rig.validate(source: source)
        return ImportedRig(rig: rig)
    }

    private static func readCamera(_ element: XMLElement, index: Int, source: String) throws -> Camera {
        let serial = element.attribute(forName: "serial")?.stringValue ?? ""
        let place = "camera[\(index)] (\(serial.isEmpty ? "no serial" : serial))"
        func child(_ name: String) throws -> XMLElement {
            guard let found = element.elements(forName: name).first else {
                throw InputError(source, at: "\(place)/\(name)", "missing; it is required")
            }
            return found
        }
        func number(_ node: XMLElement, _ key: String) throws -> Double {
            let at = "\(place)/\(node.name ?? "")@\(key)"
            guard let text = node.attribute(forName: key)?.stringValue else { throw InputError(source, at: at, "missing; it is required") }
            guard let value = finiteNumber(text) else { throw InputError(source, at: at, "expected a finite number, found \"\(text)\"") }
            return value
        }
        if let rotation = element.attribute(forName: "viewrotation")?.stringValue, finiteNumber(rotation) != 0 {
            throw InputError(source, at: "\(place)@viewrotation", "expected 0; rotated video views are not supported, found \"\(rotation)\"")
        }
        let fov = try child("fov_video"), transform = try child("transform"), intrinsic = try child("intrinsic")
        let left = try number(fov, "left"), top = try number(fov, "top")
        guard let width = Int(exactly: try number(fov, "right") - left + 1), let height = Int(exactly: try number(fov, "bottom") - top + 1) else {
            throw InputError(source, at: "\(place)/fov_video", "expected whole-pixel left, right, top, bottom")
        }
        let size = ImageSize(width: width, height: height)
        let m = try ["1", "2", "3"].map { row in try ["1", "2", "3"].map { try number(transform, "r\(row)\($0)") } }
        let rotation = Matrix3.diagonal([1, -1, -1]) * Matrix3(m)!
        let centerInWorld = Vector3(try number(transform, "x"), try number(transform, "y"), try number(transform, "z")) / 1000
        let camera = Camera(
            name: serial, size: size,
            intrinsics: Intrinsics(fx: try number(intrinsic, "focalLengthU") / 64, fy: try number(intrinsic, "focalLengthV") / 64,
                                   cx: try number(intrinsic, "centerPointU") / 64 - left,
                                   cy: try number(intrinsic, "centerPointV") / 64 - top),
            distortion: Distortion(k1: try number(intrinsic, "radialDistortion1"), k2: try number(intrinsic, "radialDistortion2"),
                                   p1: try number(intrinsic, "tangentalDistortion1"), p2: try number(intrinsic, "tangentalDistortion2"),
                                   k3: try number(intrinsic, "radialDistortion3")),
            camFromWorld: RigidTransform(rotation: rotation, mapping: centerInWorld))
        return try checked(camera, source: source) { part in
            switch part {
            case .name: return "\(place)@serial"
            case .size: return "\(place)/fov_video"
            case .intrinsics: return "\(place)/intrinsic (focalLengthU/V, centerPointU/V)"
            case .distortion: return "\(place)/intrinsic (radial/tangentalDistortion)"
            case .rotation: return "\(place)/transform (r11…r33)"
            case .translation: return "\(place)/transform (x, y, z)"
            }
        }
    }
}

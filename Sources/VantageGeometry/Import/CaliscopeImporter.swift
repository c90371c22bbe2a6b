import Foundation
import TOMLKit

/// caliscope's `camera_array.toml`: one `[cameras.N]` table per camera with `size = [w, h]`,
/// `matrix` (K), `distortions` (k1, k2, p1, p2, k3), and `rotation` / `translation` mapping world
/// to camera (`x_cam = R·x_world + t`, metres; `rotation` may also be a Rodrigues vector).
///
/// Conversion: none — caliscope uses OpenCV's axes and pixel convention. Cameras marked
/// `ignore = true` are skipped with a warning. The world is the calibration board's frame, so
/// its up axis is unknown (`world.up = nil`). Cameras are named `cam_<id>`; `cam_<id>.mp4`
/// beside the file becomes the media, with capture times from `timestamps.csv` when present.
public enum CaliscopeImporter: RigImporter {
    public static let format = RigFormat.caliscope

    public static func recognizes(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "toml", let text = try? ImportFiles.text(of: url) else { return false }
        return text.contains("[cameras.") && text.contains("matrix")
    }

    public static func read(_ url: URL) throws -> ImportedRig {
        let source = url.path
        let table: TOMLTable
        do { table = try TOMLTable(string: try ImportFiles.text(of: url)) } catch let error as TOMLParseError {
            throw InputError(source, at: "line \(error.source.begin.line)", "not valid TOML (\(error.description))")
        }
        let root = JSONField(jsonValue(of: table), source: source)
        let folder = url.deletingLastPathComponent()
        let timestamps = try CaliscopeTimestamps(folder.appendingPathComponent("timestamps.csv"))
        var warnings: [String] = []
        var cameras: [RigCamera] = []
        let entries = try root.required("cameras").members().sorted { (Int($0.0) ?? .max, $0.0) < (Int($1.0) ?? .max, $1.0) }
        for (key, field) in entries {
            let id = try field.optional("cam_id").map { String(try $0.int()) } ?? key
            if try field.optional("ignore")?.bool() == true {
                warnings.append("\(source): \(field.path): camera \(id) is marked ignore = true; skipped")
                continue
            }
            let sizeField = try field.required("size")
            let camera = try OpenCVCameraBuilder.camera(
                name: "cam_\(id)", size: try sizeField.imageSize(), sizePlace: sizeField.path,
                matrix: try field.required("matrix"), distortion: try field.optional("distortions"),
                rotation: try field.required("rotation"), translation: try field.required("translation"))
            cameras.append(RigCamera(camera, media: media(id: id, folder: folder, timestamps: timestamps, warnings: &warnings)))
        }
        let rig = Rig(name: folder.lastPathComponent,
                      world: WorldFrame(units: .metres, up: nil, note: "caliscope calibration-board frame"),
                      cameras: cameras)
        try rig.validate(source: source)
        return ImportedRig(rig: rig, warnings: warnings)
    }

    private static func media(id: String, folder: URL, timestamps: CaliscopeTimestamps?,
                              warnings: inout [String]) -> MediaReference? {
        guard let video = ImportFiles.firstExisting([folder.appendingPathComponent("cam_\(id).mp4")]) else { return nil }
        guard let timestamps else { return MediaReference(location: video) }
        guard timestamps.cameraIDs.contains(id) else {
            warnings.append("\(timestamps.path): no rows for cam_id \(id); cam_\(id).mp4 uses stream time")
            return MediaReference(location: video)
        }
        return MediaReference(location: video,
                              timestamps: TimestampFile(path: timestamps.path, format: .caliscope, cameraID: id))
    }

    /// The TOML document as a `JSONValue`, so fields are read (and complained about) with paths.
    private static func jsonValue(of value: TOMLValueConvertible) -> JSONValue {
        if let table = value.table { return .object(table.map { ($0.0, jsonValue(of: $0.1)) }) }
        if let array = value.array { return .array(array.map(jsonValue)) }
        if let int = value.int { return .int(Int64(int)) }
        if let double = value.double { return .number(double) }
        if let bool = value.bool { return .bool(bool) }
        return .string(value.string ?? value.tomlValue.debugDescription)
    }
}

extension JSONField {
    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw error("expected true or false, found \(kind)") }
        return b
    }
}

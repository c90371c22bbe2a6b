import Foundation

/// MPEG immersive video camera JSON (TMIV / RVS, "Version": "4.0"): top-level `cameras[]` with
/// `Name`, `Position` [x, y, z], `Rotation` [yaw, pitch, roll] in degrees, `Depth_range`
/// [near, far], `Resolution` [w, h], `Projection`, `Focal` [fx, fy] and `Principle_point`
/// [cx, cy] (MPEG's spelling; the keys are those TMIV's `loadCameraFromJson` requires).
///
/// Conversion (see `OMAF` for the axes and the yaw/pitch/roll composition):
/// - `Position` is the camera centre in the OMAF world, which is Vantage's (metres, z up).
/// - `camFromWorld = openCVFromOMAFCam · (Rz(yaw)·Ry(pitch)·Rx(roll))ᵀ`, `t = −R·Position`.
/// - `Principle_point` is in TMIV's pixel coordinates, where a pixel's centre is at
///   (column + 0.5, row + 0.5) (TMIV and RVS sample image positions at +0.5): shifted by −0.5.
/// - `Depth_range` becomes `SceneBounds.depthRange` (smallest near, largest far).
/// Only "Perspective" cameras are read; "Equirectangular" (omnidirectional) ones are an error.
public enum MPEGImporter: RigImporter {
    public static let format = RigFormat.mpeg

    public static func recognizes(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "json", let text = try? ImportFiles.text(of: url) else { return false }
        return text.contains("\"cameras\"") && text.contains("\"Rotation\"") && text.contains("\"Position\"")
    }

    public static func read(_ url: URL) throws -> ImportedRig {
        let source = url.path
        let root = JSONField(try JSONValue.parse(try ImportFiles.data(of: url), source: source), source: source)
        var depthRanges: [(near: Double, far: Double)] = []
        let cameras = try root.required("cameras").items().map { field -> RigCamera in
            if let range = try field.optional("Depth_range") {
                let d = try range.doubles(count: 2)
                depthRanges.append((d[0], d[1]))
            }
            return RigCamera(try readCamera(field))
        }
        let name = try root.optional("Content_name")?.string() ?? url.deletingPathExtension().lastPathComponent
        let bounds = depthRanges.isEmpty ? nil
            : SceneBounds.depthRange(near: depthRanges.map(\.near).min()!, far: depthRanges.map(\.far).max()!)
        let rig = Rig(name: name, world: WorldFrame(units: .metres, up: "+z", note: OMAF.worldNote), bounds: bounds, cameras: cameras)
        try rig.validate(source: source)
        return ImportedRig(rig: rig)
    }

    private static func readCamera(_ field: JSONField) throws -> Camera {
        let projection = try field.required("Projection")
        guard try projection.string() == "Perspective" else {
            throw projection.error("only \"Perspective\" cameras are supported, found \(projection.kind)"
                + " (omnidirectional cameras cannot be represented as pinhole cameras)")
        }
        let angles = try field.required("Rotation").doubles(count: 3)
        let focal = try field.required("Focal").doubles(count: 2)
        let principalPoint = try field.required("Principle_point").doubles(count: 2)
        let rotation = OMAF.camFromWorldRotation(yaw: angles[0], pitch: angles[1], roll: angles[2])
        let camera = Camera(
            name: try field.required("Name").string(),
            size: try field.required("Resolution").imageSize(),
            intrinsics: Intrinsics(fx: focal[0], fy: focal[1], cx: principalPoint[0] - 0.5, cy: principalPoint[1] - 0.5),
            camFromWorld: RigidTransform(rotation: rotation, mapping: try field.required("Position").vector3()))
        return try checked(camera, source: field.source) { part in
            switch part {
            case .name: return "\(field.path).Name"
            case .size: return "\(field.path).Resolution"
            case .intrinsics, .distortion: return "\(field.path).Focal"
            case .rotation: return "\(field.path).Rotation"
            case .translation: return "\(field.path).Position"
            }
        }
    }
}

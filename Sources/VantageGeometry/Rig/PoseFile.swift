import Foundation

/// A requested camera in a JSON file (`vantage render --pose`), in one of two forms:
/// - a camera object as in a rig file: `size`, `intrinsics`, `camFromWorld`, optional `name`
///   and `distortion`;
/// - a look-at description: `{"position": [x, y, z], "lookAt": [x, y, z], "up": [0, 0, 1],
///   "horizontalFieldOfViewDegrees": 50, "size": [1280, 720]}` (`up` optional, +z by default).
public enum PoseFile {
    public static func read(from url: URL) throws -> Camera {
        try decode(try InputFile.data(at: url, kind: "pose file"), source: url.path)
    }

    public static func decode(_ data: Data, source: String) throws -> Camera {
        let root = JSONField(try JSONValue.parse(data, source: source), source: source)
        if try root.optional("camFromWorld") != nil {
            var object = root.value
            if case var .object(members) = object, !members.contains(where: { $0.0 == "name" }) {
                members.append(("name", .string("pose")))
                object = .object(members)
            }
            return try RigFile.decodeCamera(JSONField(object, source: source)).camera
        }
        let sizeField = try root.required("size")
        let size = try sizeField.items()
        guard size.count == 2 else { throw sizeField.error("expected [width, height]") }
        let imageSize = ImageSize(width: try size[0].int(), height: try size[1].int())
        guard imageSize.width > 0, imageSize.height > 0 else { throw sizeField.error("expected a positive width and height") }
        let position = try root.required("position").vector3()
        let target = try root.required("lookAt").vector3()
        let up = try root.optional("up")?.vector3() ?? [0, 0, 1]
        let fovField = try root.required("horizontalFieldOfViewDegrees")
        let fov = try fovField.double()
        guard fov > 0, fov < 180 else { throw fovField.error("expected degrees between 0 and 180, found \(fov)") }
        guard (target - position).length > 0 else { throw root.error("position and lookAt must differ") }
        return Camera.lookingAt(target, from: position, up: up, name: try root.optional("name")?.string() ?? "pose",
                                size: imageSize, intrinsics: Intrinsics(horizontalFieldOfView: fov * .pi / 180, size: imageSize))
    }
}

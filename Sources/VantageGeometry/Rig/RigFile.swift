import Foundation

/// Vantage's own rig file: versioned JSON, described by `Calibration/rig.schema.json`.
public enum RigFile {
    public static let formatName = "vantage-rig"
    public static let version = 1

    /// Reads and validates a rig file; errors name the file and the field.
    public static func read(from url: URL) throws -> Rig {
        try decode(try InputFile.data(at: url, kind: "rig file"), source: url.path)
    }

    public static func decode(_ data: Data, source: String) throws -> Rig {
        let root = JSONField(try JSONValue.parse(data, source: source), source: source)
        let format = try root.required("format")
        guard try format.string() == formatName else {
            throw format.error("expected \"\(formatName)\"; import other calibration formats with `vantage rig import`")
        }
        let versionField = try root.required("version")
        guard try versionField.int() == version else {
            throw versionField.error("expected version \(version), found \(try versionField.int())")
        }
        let rig = Rig(
            name: try root.required("name").string(),
            world: try root.optional("world").map(decodeWorld) ?? WorldFrame(),
            bounds: try root.optional("bounds").map(decodeBounds),
            cameras: try root.required("cameras").items().map(decodeCamera))
        if let problem = rig.problems.first { throw InputError(source, at: problem.field, problem.message) }
        return rig
    }

    private static func decodeWorld(_ field: JSONField) throws -> WorldFrame {
        let unitsField = try field.required("units")
        guard let units = WorldFrame.Units(rawValue: try unitsField.string()) else {
            throw unitsField.error("expected one of \(WorldFrame.Units.allCases.map(\.rawValue)), found \(unitsField.kind)")
        }
        return WorldFrame(units: units, up: try field.optional("up")?.string(), note: try field.optional("note")?.string())
    }

    private static func decodeBounds(_ field: JSONField) throws -> SceneBounds {
        if let near = try field.optional("near") {
            return .depthRange(near: try near.double(), far: try field.required("far").double())
        }
        if let min = try field.optional("min") {
            return .box(min: try min.vector3(), max: try field.required("max").vector3())
        }
        throw field.error("expected {\"near\", \"far\"} or {\"min\", \"max\"}")
    }

    static func decodeCamera(_ field: JSONField) throws -> RigCamera {
        let size = try field.required("size").items()
        guard size.count == 2 else { throw try field.required("size").error("expected [width, height]") }
        let intrinsics = try field.required("intrinsics")
        let pose = try field.required("camFromWorld")
        let camera = Camera(
            name: try field.required("name").string(),
            size: ImageSize(width: try size[0].int(), height: try size[1].int()),
            intrinsics: Intrinsics(
                fx: try intrinsics.required("fx").double(), fy: try intrinsics.required("fy").double(),
                cx: try intrinsics.required("cx").double(), cy: try intrinsics.required("cy").double(),
                skew: try intrinsics.optional("skew")?.double() ?? 0),
            distortion: try field.optional("distortion").map(decodeDistortion) ?? .none,
            camFromWorld: RigidTransform(rotation: try pose.required("rotation").matrix3(),
                                         translation: try pose.required("translation").vector3()))
        return RigCamera(camera, media: try field.optional("media").map(decodeMedia))
    }

    private static func decodeDistortion(_ field: JSONField) throws -> Distortion {
        func term(_ key: String) throws -> Double { try field.optional(key)?.double() ?? 0 }
        return Distortion(k1: try term("k1"), k2: try term("k2"), p1: try term("p1"), p2: try term("p2"), k3: try term("k3"))
    }

    private static func decodeMedia(_ field: JSONField) throws -> MediaReference {
        var timestamps: TimestampFile?
        if let file = try field.optional("timestamps") {
            let formatField = try file.required("format")
            guard let format = TimestampFile.Format(rawValue: try formatField.string()) else {
                throw formatField.error("expected one of \(TimestampFile.Format.allCases.map(\.rawValue))")
            }
            timestamps = TimestampFile(path: try file.required("path").string(), format: format,
                                       cameraID: try file.required("cameraID").string())
        }
        let offset = try field.optional("offsetMicroseconds")?.int() ?? 0
        return MediaReference(location: try field.required("location").string(),
                              offsetMicroseconds: Int64(offset), timestamps: timestamps)
    }

    // MARK: Writing

    /// The rig as JSON text. Preconditions: the rig is valid (finite numbers throughout).
    public static func encode(_ rig: Rig) -> String {
        var root: [(String, JSONValue)] = [
            ("format", .string(formatName)), ("version", .int(Int64(version))), ("name", .string(rig.name)),
        ]
        var world: [(String, JSONValue)] = [("units", .string(rig.world.units.rawValue))]
        if let up = rig.world.up { world.append(("up", .string(up))) }
        if let note = rig.world.note { world.append(("note", .string(note))) }
        root.append(("world", .object(world)))
        switch rig.bounds {
        case let .depthRange(near, far)?: root.append(("bounds", .object([("near", .number(near)), ("far", .number(far))])))
        case let .box(min, max)?: root.append(("bounds", .object([("min", .vector(min)), ("max", .vector(max))])))
        case nil: break
        }
        root.append(("cameras", .array(rig.cameras.map(encodeCamera))))
        return JSONValue.object(root).serialized()
    }

    /// Writes the rig atomically: a reader never sees a half-written file.
    public static func write(_ rig: Rig, to url: URL) throws {
        do { try Data(encode(rig).utf8).write(to: url, options: .atomic) } catch {
            throw InputError(url.path, "cannot write the rig file (\(error.localizedDescription))")
        }
    }

    private static func encodeCamera(_ member: RigCamera) -> JSONValue {
        let c = member.camera
        var fields: [(String, JSONValue)] = [
            ("name", .string(c.name)),
            ("size", .array([.int(Int64(c.size.width)), .int(Int64(c.size.height))])),
            ("intrinsics", .object([("fx", .number(c.intrinsics.fx)), ("fy", .number(c.intrinsics.fy)),
                                    ("cx", .number(c.intrinsics.cx)), ("cy", .number(c.intrinsics.cy)),
                                    ("skew", .number(c.intrinsics.skew))])),
            ("distortion", .object([("k1", .number(c.distortion.k1)), ("k2", .number(c.distortion.k2)),
                                    ("p1", .number(c.distortion.p1)), ("p2", .number(c.distortion.p2)),
                                    ("k3", .number(c.distortion.k3))])),
            ("camFromWorld", .object([
                ("rotation", .array([c.camFromWorld.rotation.rows.0, c.camFromWorld.rotation.rows.1,
                                     c.camFromWorld.rotation.rows.2].map(JSONValue.vector))),
                ("translation", .vector(c.camFromWorld.translation)),
            ])),
        ]
        if let media = member.media {
            var m: [(String, JSONValue)] = [("location", .string(media.location))]
            if media.offsetMicroseconds != 0 { m.append(("offsetMicroseconds", .int(media.offsetMicroseconds))) }
            if let t = media.timestamps {
                m.append(("timestamps", .object([("path", .string(t.path)), ("format", .string(t.format.rawValue)),
                                                 ("cameraID", .string(t.cameraID))])))
            }
            fields.append(("media", .object(m)))
        }
        return .object(fields)
    }
}

import Foundation

/// MPEG pose traces: the CSV the MPEG reference tools (TMIV's renderer, RVS) read for a moving
/// viewport. A header line `X,Y,Z,Yaw,Pitch,Roll`, then one line per frame: the camera centre
/// in the world (metres; OMAF's world is Vantage's, z up) and its orientation as OMAF yaw,
/// pitch, roll in degrees (see `OMAF`). The file has no clock and no field of view: frame n is
/// at n/fps, and the field of view comes from the viewport camera's own parameters.
public enum PoseTrace {
    public static let header = ["X", "Y", "Z", "Yaw", "Pitch", "Roll"]

    /// The trace of sampled cameras (e.g. `PathSampler.frames(fps:)`), one line per sample.
    /// Numbers are written with enough digits to read back exactly.
    public static func encode(_ samples: [PathSample]) -> String {
        var text = header.joined(separator: ",") + "\n"
        for sample in samples {
            let p = sample.position
            let (yaw, pitch, roll) = OMAF.angles(ofCamFromWorld: sample.camera.camFromWorld.rotation)
            text += [p.x, p.y, p.z, yaw, pitch, roll].map { "\($0 == 0 ? 0 : $0)" }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Writes `encode(samples)` atomically.
    public static func write(_ samples: [PathSample], to url: URL) throws {
        do { try Data(encode(samples).utf8).write(to: url, options: .atomic) } catch {
            throw InputError(url.path, "cannot write the pose trace (\(error.localizedDescription))")
        }
    }

    /// Reads a pose trace as a camera path: one keyframe per line at n/fps seconds, orientation
    /// as a quaternion, the given horizontal field of view throughout, replay time = path time.
    public static func read(from url: URL, fps: Double, horizontalFieldOfViewDegrees: Double) throws -> CameraPath {
        let text = String(decoding: try InputFile.data(at: url, kind: "pose trace"), as: UTF8.self)
        return try decode(text, source: url.path, name: url.deletingPathExtension().lastPathComponent, fps: fps,
                          horizontalFieldOfViewDegrees: horizontalFieldOfViewDegrees)
    }

    /// Parses pose-trace text (LF, CRLF or CR line ends, spaces around values allowed, blank lines
    /// ignored); errors name `source`, the line and the column.
    public static func decode(_ text: String, source: String, name: String, fps: Double,
                              horizontalFieldOfViewDegrees: Double) throws -> CameraPath {
        precondition(fps > 0 && fps.isFinite, "a positive frame rate")
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (number: $0.offset + 1, fields: $0.element.split(separator: ",", omittingEmptySubsequences: false)
                        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }) }
            .filter { $0.fields != [""] }
        guard let first = lines.first, first.fields.map({ $0.lowercased() }) == header.map({ $0.lowercased() }) else {
            throw InputError(source, at: "line \(lines.first?.number ?? 1)", "expected the header \(header.joined(separator: ","))")
        }
        let keyframes = try lines.dropFirst().enumerated().map { frame, line -> PathKeyframe in
            guard line.fields.count == header.count else {
                throw InputError(source, at: "line \(line.number)", "expected \(header.count) values (\(header.joined(separator: ","))), found \(line.fields.count)")
            }
            let values = try zip(header, line.fields).map { column, field -> Double in
                guard let value = Double(field), value.isFinite else {
                    throw InputError(source, at: "line \(line.number), \(column)", "expected a finite number, found \"\(field)\"")
                }
                return value
            }
            let rotation = OMAF.camFromWorldRotation(yaw: values[3], pitch: values[4], roll: values[5])
            return PathKeyframe(time: Double(frame) / fps, position: Vector3(values[0], values[1], values[2]),
                                camFromWorldQuaternion: Quaternion(rotation), horizontalFieldOfViewDegrees: horizontalFieldOfViewDegrees)
        }
        guard keyframes.count >= 2 else {
            throw InputError(source, "expected at least 2 poses after the header, found \(keyframes.count)")
        }
        let path = CameraPath(name: name, keyframes: keyframes)
        try path.validate(source: source)
        return path
    }
}

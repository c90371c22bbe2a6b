/// The JSON form of a camera path (`Calibration/camera-path.schema.json`). Decoding checks the
/// shape (required keys, types, `format`, `version`, vector lengths); `CameraPath.validate`
/// checks the values. Vectors are arrays `[x, y, z]`, the size `[width, height]`.
extension CameraPath: Codable {
    private enum Key: String, CodingKey {
        case format, version, name, size, interpolation, timeMap, keyframes
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let format = try container.decode(String.self, forKey: .format)
        guard format == Self.formatName else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: container,
                                                   debugDescription: "expected \"\(Self.formatName)\", found \"\(format)\"")
        }
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Self.version else {
            throw DecodingError.dataCorruptedError(forKey: .version, in: container,
                                                   debugDescription: "expected version \(Self.version), found \(version)")
        }
        var size: ImageSize?
        if let pair = try container.decodeIfPresent([Int].self, forKey: .size) {
            guard pair.count == 2 else {
                throw DecodingError.dataCorruptedError(forKey: .size, in: container,
                                                       debugDescription: "expected [width, height], found \(pair.count) numbers")
            }
            size = ImageSize(width: pair[0], height: pair[1])
        }
        self.init(name: try container.decode(String.self, forKey: .name), size: size,
                  interpolation: try container.decodeIfPresent(PathInterpolation.self, forKey: .interpolation) ?? PathInterpolation(),
                  timeMap: try container.decodeIfPresent([TimeMapPoint].self, forKey: .timeMap),
                  keyframes: try container.decode([PathKeyframe].self, forKey: .keyframes))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(Self.formatName, forKey: .format)
        try container.encode(Self.version, forKey: .version)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(size.map { [$0.width, $0.height] }, forKey: .size)
        try container.encode(interpolation, forKey: .interpolation)
        try container.encodeIfPresent(timeMap, forKey: .timeMap)
        try container.encode(keyframes, forKey: .keyframes)
    }
}

extension PathKeyframe: Codable {
    private enum Key: String, CodingKey {
        case time, position, lookAt, up, camFromWorldQuaternion, horizontalFieldOfViewDegrees
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        /// `[x, y, z]`, refusing arrays of any other length.
        func vector(_ key: Key) throws -> Vector3? {
            guard let values = try container.decodeIfPresent([Double].self, forKey: key) else { return nil }
            guard values.count == 3 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "expected 3 numbers [x, y, z], found \(values.count)")
            }
            return Vector3(values[0], values[1], values[2])
        }
        time = try container.decode(Double.self, forKey: .time)
        guard let position = try vector(.position) else {
            throw DecodingError.keyNotFound(Key.position, .init(codingPath: decoder.codingPath, debugDescription: "missing"))
        }
        self.position = position
        lookAt = try vector(.lookAt)
        up = try vector(.up)
        camFromWorldQuaternion = try container.decodeIfPresent(Quaternion.self, forKey: .camFromWorldQuaternion)
        horizontalFieldOfViewDegrees = try container.decode(Double.self, forKey: .horizontalFieldOfViewDegrees)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(time, forKey: .time)
        try container.encode([position.x, position.y, position.z], forKey: .position)
        try container.encodeIfPresent(lookAt.map { [$0.x, $0.y, $0.z] }, forKey: .lookAt)
        try container.encodeIfPresent(up.map { [$0.x, $0.y, $0.z] }, forKey: .up)
        try container.encodeIfPresent(camFromWorldQuaternion, forKey: .camFromWorldQuaternion)
        try container.encode(horizontalFieldOfViewDegrees, forKey: .horizontalFieldOfViewDegrees)
    }
}

extension PathInterpolation: Codable {
    private enum Key: String, CodingKey { case orientation, constantSpeed }

    /// Both members are optional: SQUAD and keyframe timing by default.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var orientation = Orientation.squad
        if let name = try container.decodeIfPresent(String.self, forKey: .orientation) {
            guard let named = Orientation(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .orientation, in: container,
                    debugDescription: "expected one of \(Orientation.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(name)\"")
            }
            orientation = named
        }
        self.init(orientation: orientation,
                  constantSpeed: try container.decodeIfPresent(Bool.self, forKey: .constantSpeed) ?? false)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(orientation, forKey: .orientation)
        try container.encode(constantSpeed, forKey: .constantSpeed)
    }
}

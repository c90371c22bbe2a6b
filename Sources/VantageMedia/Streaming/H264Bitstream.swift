/// Facts read straight from H.264 Annex B bytes (NAL units after 00 00 01 or 00 00 00 01 start codes).
public enum H264Bitstream {
    /// nal_unit_type of a sequence parameter set.
    public static let sequenceParameterSetType: UInt8 = 7
    /// nal_unit_type of a picture parameter set.
    public static let pictureParameterSetType: UInt8 = 8
    /// nal_unit_type of a slice of an IDR picture (a keyframe).
    public static let idrSliceType: UInt8 = 5

    /// The NAL units of an Annex B byte stream, in order, each without its start code (trailing zero
    /// bytes before the next start code are not trimmed; they do not change a unit's header).
    public static func nalUnits(in bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var units: [ArraySlice<UInt8>] = []
        var unitStart: Int?
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0, bytes[index + 1] == 0, bytes[index + 2] == 1 {
                if let start = unitStart { units.append(bytes[start..<index]) }
                index += 3
                unitStart = index
            } else {
                index += 1
            }
        }
        if let start = unitStart, start < bytes.count { units.append(bytes[start...]) }
        return units.filter { !$0.isEmpty }
    }

    /// The nal_unit_type (low 5 bits of the header byte) of each NAL unit.
    public static func nalUnitTypes(in bytes: [UInt8]) -> [UInt8] {
        nalUnits(in: bytes).map { $0.first! & 0x1F }
    }

    /// The profile and level of the first SPS in `bytes`; nil when there is none.
    public static func profileLevel(in bytes: [UInt8]) -> H264ProfileLevel? {
        nalUnits(in: bytes).lazy
            .filter { $0.first! & 0x1F == sequenceParameterSetType }
            .compactMap(H264ProfileLevel.init(sequenceParameterSet:))
            .first
    }
}

/// The first three bytes of an H.264 SPS payload: what a codec string such as "avc1.42C01F" names.
public struct H264ProfileLevel: Sendable, Hashable {
    /// profile_idc: 66 baseline, 77 main, 100 high.
    public var profileIDC: UInt8
    /// constraint_set0_flag … constraint_set5_flag and two reserved zero bits, as one byte.
    public var constraintFlags: UInt8
    /// level_idc: ten times the level (31 is level 3.1; 9 is level 1b in some profiles).
    public var levelIDC: UInt8

    public init(profileIDC: UInt8, constraintFlags: UInt8, levelIDC: UInt8) {
        self.profileIDC = profileIDC
        self.constraintFlags = constraintFlags
        self.levelIDC = levelIDC
    }

    /// Reads a SPS NAL unit (header byte first, no start code); nil when it is not one or is too
    /// short. Emulation-prevention bytes (00 00 03) are removed before reading.
    public init?(sequenceParameterSet unit: some Collection<UInt8>) {
        guard let header = unit.first, header & 0x1F == H264Bitstream.sequenceParameterSetType else { return nil }
        var payload: [UInt8] = []
        var zeros = 0
        for byte in unit.dropFirst() {
            if zeros >= 2 && byte == 3 {
                zeros = 0
                continue
            }
            zeros = byte == 0 ? zeros + 1 : 0
            payload.append(byte)
            if payload.count == 3 { break }
        }
        guard payload.count == 3 else { return nil }
        self.init(profileIDC: payload[0], constraintFlags: payload[1], levelIDC: payload[2])
    }

    /// The RFC 6381 codec string WebCodecs' `VideoDecoder.configure` takes: "avc1." and the three
    /// bytes in upper-case hex, e.g. "avc1.42C01F" (constrained baseline, level 3.1).
    public var codecString: String {
        "avc1." + [profileIDC, constraintFlags, levelIDC].map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}

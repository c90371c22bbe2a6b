import Foundation

/// Reads a rig from any supported calibration format, detected by content.
public enum RigImport {
    /// The readers of other tools' formats, in detection order.
    static var importers: [any RigImporter.Type] {
        [QualisysImporter.self, CaliscopeImporter.self, NeRFImporter.self, MPEGImporter.self,
         COLMAPImporter.self, OpenCVStorageImporter.self]
    }

    /// The format of a file or folder, judged by its content; an `InputError` naming it when it is
    /// missing or in no format Vantage understands.
    public static func detect(_ url: URL) throws -> RigFormat {
        guard FileManager.default.fileExists(atPath: url.path) else { throw InputError(url.path, "no such file or folder") }
        if isVantageRig(url) { return .vantage }
        if let importer = importers.first(where: { $0.recognizes(url) }) { return importer.format }
        throw InputError(url.path, "not a calibration format Vantage understands; expected one of: "
            + RigFormat.allCases.map(\.summary).joined(separator: "; "))
    }

    /// Reads and converts a rig; `format` skips detection.
    public static func read(_ url: URL, format: RigFormat? = nil) throws -> ImportedRig {
        let format = try format ?? detect(url)
        if format == .vantage { return ImportedRig(rig: try RigFile.read(from: url)) }
        guard let importer = importers.first(where: { $0.format == format }) else {
            preconditionFailure("no importer registered for \(format)")
        }
        return try importer.read(url)
    }

    private static func isVantageRig(_ url: URL) -> Bool {
        guard ImportFiles.isFile(url), let head = ImportFiles.prefix(of: url, count: 512),
              let text = String(data: head, encoding: .utf8) else { return false }
        return text.range(of: #""format"\s*:\s*"\#(RigFile.formatName)""#, options: .regularExpression) != nil
    }
}

extension RigFormat {
    /// The format's name and what it looks like, for messages.
    public var summary: String {
        switch self {
        case .vantage: return "vantage (Vantage rig JSON, \"format\": \"vantage-rig\")"
        case .qualisys: return "qualisys (QTM .qca.txt XML)"
        case .caliscope: return "caliscope (camera_array.toml)"
        case .nerf: return "nerf (NeRF / instant-ngp transforms.json)"
        case .mpeg: return "mpeg (TMIV / RVS camera JSON)"
        case .colmap: return "colmap (text model: cameras.txt + images.txt)"
        case .opencv: return "opencv (FileStorage YAML %YAML:1.0 or XML <opencv_storage>, a file or a folder of them)"
        }
    }
}

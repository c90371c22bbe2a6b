import Foundation

/// CURVE certificates in the ZeroMQ (czmq `zcert`) text format, so keys interoperate with other
/// ZeroMQ tools: `name.key` holds the public key, `name.key_secret` both keys.
///
///     curve
///         public-key = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"
///         secret-key = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"
public enum CertificateFile {
    /// Writes `<directory>/<name>.key` and `<name>.key_secret` (the secret readable by its owner only).
    public static func write(_ keys: CurveKeyPair, to directory: URL, name: String) throws(TransportError) -> (public: URL, secret: URL) {
        guard let secretKey = keys.secretKey else { preconditionFailure("writing a certificate needs the secret key") }
        let publicURL = directory.appendingPathComponent("\(name).key")
        let secretURL = directory.appendingPathComponent("\(name).key_secret")
        let header = "#   ZeroMQ CURVE certificate written by vantage keys generate\ncurve\n"
        let publicLine = "    public-key = \"\(keys.publicKey.z85)\"\n"
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data((header + publicLine).utf8).write(to: publicURL, options: .atomic)
            try Data((header + publicLine + "    secret-key = \"\(secretKey.z85)\"\n").utf8).write(to: secretURL, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secretURL.path)
        } catch {
            throw TransportError(.keyFile, "\(directory.path): cannot write the certificate \(name): \(error.localizedDescription)")
        }
        return (publicURL, secretURL)
    }

    /// Reads a certificate; `requireSecret` refuses a public-only file where this node must prove its identity.
    public static func read(_ path: String, requireSecret: Bool) throws(TransportError) -> CurveKeyPair {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TransportError(.keyFile, "\(path): cannot read the CURVE certificate (\(error.localizedDescription))")
        }
        var values: [String: (key: CurveKey, line: Int)] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard name == "public-key" || name == "secret-key" else { continue }
            let quoted = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let value = quoted.count >= 2 && quoted.hasPrefix("\"") && quoted.hasSuffix("\"") ? String(quoted.dropFirst().dropLast()) : quoted
            guard let key = CurveKey(z85: value) else {
                throw TransportError(.keyFile, "\(path):\(index + 1): \(name) must be 40 characters of Z85, found \"\(value)\"")
            }
            values[name] = (key, index + 1)
        }
        guard let publicKey = values["public-key"]?.key else {
            throw TransportError(.keyFile, "\(path): no public-key line; expected a ZeroMQ CURVE certificate (vantage keys generate)")
        }
        if requireSecret && values["secret-key"] == nil {
            throw TransportError(.keyFile, "\(path): no secret-key line; pass the .key_secret file of this node")
        }
        return CurveKeyPair(publicKey: publicKey, secretKey: values["secret-key"]?.key)
    }
}

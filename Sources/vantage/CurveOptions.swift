import ArgumentParser
import Foundation
import VantageTransport

/// `vantage ingest`'s CURVE options: this node's certificate and the subscriber's public key.
struct PublisherCurveOptions: ParsableArguments {
    @Option(name: .customLong("curve-secret"), help: "This publisher's secret certificate (name.key_secret from `vantage keys generate`); enables CURVE.")
    var secret: String?

    @Option(name: .customLong("curve-server"), help: "The subscriber's public certificate (recorder.key); required with --curve-secret.")
    var server: String?

    func validate() throws {
        guard (secret == nil) == (server == nil) else {
            throw ValidationError("CURVE needs both --curve-secret (this node's .key_secret) and --curve-server (the subscriber's .key)")
        }
    }

    func security() throws -> CurveSecurity? {
        guard let secret, let server else { return nil }
        return .client(own: try CertificateFile.read(secret, requireSecret: true),
                       serverKey: try CertificateFile.read(server, requireSecret: false).publicKey)
    }
}

/// `vantage record`'s CURVE options: this node's certificate and the publishers it accepts.
struct SubscriberCurveOptions: ParsableArguments {
    @Option(name: .customLong("curve-secret"), help: "This subscriber's secret certificate (recorder.key_secret); enables CURVE.")
    var secret: String?

    @Option(name: .customLong("curve-allow"), help: "A publisher's public certificate (.key), or a folder of them; repeat for more. Publishers with any other key are refused.")
    var allowed: [String] = []

    func validate() throws {
        guard (secret == nil) == allowed.isEmpty else {
            throw ValidationError("CURVE needs both --curve-secret (this node's .key_secret) and at least one --curve-allow (a publisher's .key or a folder of them)")
        }
    }

    func security() throws -> CurveSecurity? {
        guard let secret else { return nil }
        let own = try CertificateFile.read(secret, requireSecret: true)
        var keys: Set<CurveKey> = []
        for path in allowed {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".key") }.sorted()
                guard !files.isEmpty else { throw ValidationError("--curve-allow \(path): the folder holds no .key certificate") }
                for file in files { keys.insert(try CertificateFile.read("\(path)/\(file)", requireSecret: false).publicKey) }
            } else {
                keys.insert(try CertificateFile.read(path, requireSecret: false).publicKey)
            }
        }
        return .server(own: own, allowedClients: keys)
    }
}

import ArgumentParser
import Foundation
import VantageTransport

/// `vantage keys`: CURVE certificates for encrypted, authenticated ZeroMQ links.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage CURVE certificates for the ZeroMQ links between ingest nodes and recorders.",
        subcommands: [KeysGenerateCommand.self])
}

struct KeysGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a new CURVE certificate pair: NAME.key (public, share it) and NAME.key_secret (keep it on this node).",
        discussion: """
            The files use ZeroMQ's certificate format. A recorder runs with --curve-secret recorder.key_secret and \
            --curve-allow for each ingest node's .key; an ingest node runs with --curve-secret node.key_secret and \
            --curve-server recorder.key.
            """)

    @Option(help: "Certificate name, e.g. recorder or ingest-north.")
    var name: String

    @Option(help: "Folder to write the certificate files into.")
    var output = "."

    @Flag(help: "Overwrite existing certificate files of this name.")
    var overwrite = false

    @Flag(help: "Print a JSON summary instead of text.")
    var json = false

    func validate() throws {
        guard !name.isEmpty, !name.contains("/") else { throw ValidationError("--name \(name): expected a plain file name") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        let existing = ["\(name).key", "\(name).key_secret"].map { folder.appendingPathComponent($0).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        if !overwrite, let first = existing.first {
            throw ValidationError("\(first) already exists; pass --overwrite to replace it (peers holding the old public key will be refused)")
        }
        let keys = try CurveKeyPair.generate()
        let files = try CertificateFile.write(keys, to: folder, name: name)
        if json {
            print(try jsonText(["publicKey": keys.publicKey.z85, "public": files.public.path, "secret": files.secret.path]))
        } else {
            print("public key \(keys.publicKey.z85)")
            print("wrote \(files.public.path) (share it) and \(files.secret.path) (keep it on this node)")
        }
    }
}

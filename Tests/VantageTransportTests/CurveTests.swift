import Foundation
import Testing
@testable import VantageTransport

@Suite(.serialized) struct CurveTests {
    @Test func certificatesRoundTripThroughFilesInZeroMQsFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curve-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = try CurveKeyPair.generate()
        let files = try CertificateFile.write(keys, to: directory, name: "recorder")
        #expect(try CertificateFile.read(files.secret.path, requireSecret: true) == keys)
        #expect(try CertificateFile.read(files.public.path, requireSecret: false) == CurveKeyPair(publicKey: keys.publicKey, secretKey: nil))
        #expect(try String(contentsOf: files.public, encoding: .utf8).contains("public-key = \"\(keys.publicKey.z85)\""))
        #expect(throws: TransportError.self) { try CertificateFile.read(files.public.path, requireSecret: true) }
        let attributes = try FileManager.default.attributesOfItem(atPath: files.secret.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func malformedCertificatesNameTheFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).key")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("curve\n    public-key = \"tooshort\"\n".utf8).write(to: file)
        #expect { try CertificateFile.read(file.path, requireSecret: false) } throws: { error in
            (error as? TransportError)?.message.contains("\(file.path):2") == true
        }
        #expect(throws: TransportError.self) { try CertificateFile.read("/nonexistent/x.key", requireSecret: false) }
    }

    @Test func anAllowedPublisherIsHeardAndAnUnknownOneIsRefused() throws {
        let recorder = try CurveKeyPair.generate()
        let known = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let context = try ZMQContext()
        let trusted = try Loopback.publisher(context, curve: .client(own: known, serverKey: recorder.publicKey), dropWhenFull: true)
        let intruder = try Loopback.publisher(context, curve: .client(own: stranger, serverKey: recorder.publicKey), dropWhenFull: true)
        let subscriber = try Loopback.subscriber(context, to: [trusted.boundEndpoint, intruder.boundEndpoint],
                                                 curve: .server(own: recorder, allowedClients: [known.publicKey]))
        #expect(trusted.waitForSubscriber(seconds: 5))
        #expect(!intruder.waitForSubscriber(seconds: 1))
        for sequence in 0..<5 {
            let frame = TestFrames.compressed(camera: "cam01", capture: Int64(sequence))
            try trusted.publish(frame.header, payload: frame.payload)
            let forged = TestFrames.compressed(camera: "cam02", capture: Int64(sequence))
            try intruder.publish(forged.header, payload: forged.payload)
        }
        let received = try Loopback.receiveFrames(subscriber, count: 10, idleSeconds: 1.5)
        #expect(received.count == 5)
        #expect(received.allSatisfy { $0.header.camera == "cam01" })
        #expect(subscriber.refusedPeers.contains { $0.publicKey == stranger.publicKey.z85 })
        #expect(!subscriber.refusedPeers.contains { $0.publicKey == known.publicKey.z85 })
    }

    @Test func aPlainPublisherCannotReachACurveSubscriber() throws {
        let recorder = try CurveKeyPair.generate()
        let context = try ZMQContext()
        let plain = try Loopback.publisher(context, dropWhenFull: true)
        let subscriber = try Loopback.subscriber(context, to: [plain.boundEndpoint], curve: .server(own: recorder, allowedClients: []))
        #expect(!plain.waitForSubscriber(seconds: 1))
        let frame = TestFrames.compressed()
        try plain.publish(frame.header, payload: frame.payload)
        #expect(try subscriber.next(timeoutMilliseconds: 500) == nil)
    }
}

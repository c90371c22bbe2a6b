import CZMQ

/// A 32-byte CURVE key, kept in its Z85 text form (40 characters).
public struct CurveKey: Sendable, Hashable, CustomStringConvertible {
    public let z85: String

    /// Checks that `z85` is 40 characters of Z85 that decode to 32 bytes.
    public init?(z85: String) {
        guard z85.utf8.count == 40, Self.decode(z85) != nil else { return nil }
        self.z85 = z85
    }

    /// The 32 key bytes, as libzmq's socket options and ZAP requests hold them.
    var bytes: [UInt8] {
        guard let bytes = Self.decode(z85) else { preconditionFailure("a CurveKey always holds valid Z85") }
        return bytes
    }

    init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&text, bytes, 32) != nil else { return nil }
        self.init(z85: String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    public var description: String { z85 }

    private static func decode(_ z85: String) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: 32)
        return zmq_z85_decode(&bytes, z85) == nil ? nil : bytes
    }
}

/// A node's CURVE identity: its public key, and its secret key when this process owns it.
public struct CurveKeyPair: Sendable, Hashable {
    public let publicKey: CurveKey
    public let secretKey: CurveKey?

    public init(publicKey: CurveKey, secretKey: CurveKey?) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh random key pair from libzmq.
    public static func generate() throws(TransportError) -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else {
            throw zmqFailure("generating a CURVE key pair (libzmq built without CURVE?)")
        }
        let text = { (chars: [CChar]) in String(decoding: chars.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        guard let publicKey = CurveKey(z85: text(publicText)), let secretKey = CurveKey(z85: text(secretText)) else {
            preconditionFailure("libzmq returned a key that is not Z85")
        }
        return CurveKeyPair(publicKey: publicKey, secretKey: secretKey)
    }
}

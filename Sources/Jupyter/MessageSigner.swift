import COpenSSL

/// Signs and verifies Jupyter messages with HMAC-SHA256 over their raw frames.
///
/// An empty key means the connection is unsigned: `sign` returns "" and `verify` accepts "".
public struct MessageSigner: Sendable {
    private let keyed: HMACSHA256?

    /// Creates a signer for the connection file's `key`.
    public init(key: [UInt8]) {
        keyed = key.isEmpty ? nil : HMACSHA256(key: key)
    }

    /// Whether messages on this connection carry a signature.
    public var isSigning: Bool { keyed != nil }

    /// The lowercase hex signature Jupyter puts in a message's signature frame.
    public func sign(_ parts: [[UInt8]]) -> String {
        guard let keyed else { return "" }
        return Hex.encode(keyed.digest(parts))
    }

    /// Checks a received signature frame against the parts in constant time.
    public func verify(signature: [UInt8], parts: [[UInt8]]) -> Bool {
        guard isSigning else { return signature.isEmpty }
        let expected = Array(sign(parts).utf8)
        guard expected.count == signature.count, !expected.isEmpty else { return false }
        return expected.withUnsafeBufferPointer { e in
            signature.withUnsafeBufferPointer { s in
                CRYPTO_memcmp(e.baseAddress, s.baseAddress, e.count) == 0
            }
        }
    }
}

/// Lowercase hexadecimal encoding.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

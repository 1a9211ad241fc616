import COpenSSL

/// Signs and verifies Jupyter messages with HMAC-SHA256 over their raw frames.
///
/// An empty key means the connection is unsigned: `sign` returns "" and `verify` accepts "".
public struct MessageSigner: Sendable {
    private let key: [UInt8]

    /// Creates a signer for the connection file's `key`.
    public init(key: [UInt8]) {
        self.key = key
    }

    /// Whether messages on this connection carry a signature.
    public var isSigning: Bool { !key.isEmpty }

    /// The raw 32-byte HMAC-SHA256 of the concatenated parts.
    ///
    /// The parts are joined into one buffer for OpenSSL's one-shot `HMAC` (the streaming
    /// `HMAC_CTX` calls are deprecated in OpenSSL 3); messages are small, the copy is cheap.
    func digest(_ parts: [[UInt8]]) -> [UInt8] {
        var joined = [UInt8]()
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(contentsOf: part) }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var outLength: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            joined.withUnsafeBufferPointer { data in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count), data.baseAddress,
                    data.count, &out, &outLength)
            }
        }
        guard result != nil else { return [] }
        return Array(out.prefix(Int(outLength)))
    }

    /// The lowercase hex signature Jupyter puts in a message's signature frame.
    public func sign(_ parts: [[UInt8]]) -> String {
        guard isSigning else { return "" }
        return Hex.encode(digest(parts))
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

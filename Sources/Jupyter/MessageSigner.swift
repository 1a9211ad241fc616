import COpenSSL

/// Signs and verifies Jupyter messages with HMAC-SHA256 over their raw frames.
///
/// An empty key means the connection is unsigned: `sign` returns "" and `verify` accepts "".
/// The keyed HMAC state is prepared once and copied per message, so a signature costs one
/// context copy and the hashing itself. Not thread-safe: each thread makes its own signer.
public final class MessageSigner {
    private let key: [UInt8]
    /// An `EVP_MAC_CTX` already keyed for HMAC-SHA256; nil when unsigned or unavailable.
    private let keyed: OpaquePointer?

    /// Creates a signer for the connection file's `key`.
    public init(key: [UInt8]) {
        self.key = key
        keyed = key.isEmpty ? nil : Self.makeKeyedContext(key)
    }

    deinit {
        if let keyed { EVP_MAC_CTX_free(keyed) }
    }

    private static func makeKeyedContext(_ key: [UInt8]) -> OpaquePointer? {
        // The kernel needs one digest: skip reading the system's OpenSSL configuration.
        OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_LOAD_CONFIG), nil)
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else { return nil }
        var digestName = Array("SHA256".utf8CString)
        let status = digestName.withUnsafeMutableBufferPointer { name in
            var params = [OSSL_PARAM_construct_utf8_string("digest", name.baseAddress, 0), OSSL_PARAM_construct_end()]
            return key.withUnsafeBufferPointer { EVP_MAC_init(context, $0.baseAddress, $0.count, &params) }
        }
        guard status == 1 else {
            EVP_MAC_CTX_free(context)
            return nil
        }
        return context
    }

    /// Whether messages on this connection carry a signature.
    public var isSigning: Bool { !key.isEmpty }

    /// The raw 32-byte HMAC-SHA256 of the concatenated parts (empty if OpenSSL failed).
    func digest(_ parts: [[UInt8]]) -> [UInt8] {
        guard let keyed, let context = EVP_MAC_CTX_dup(keyed) else { return [] }
        defer { EVP_MAC_CTX_free(context) }
        for part in parts {
            guard part.withUnsafeBufferPointer({ EVP_MAC_update(context, $0.baseAddress, $0.count) }) == 1 else {
                return []
            }
        }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        guard EVP_MAC_final(context, &out, &length, out.count) == 1 else { return [] }
        return Array(out.prefix(length))
    }

    /// The lowercase hex signature Jupyter puts in a message's signature frame.
    public func sign(_ parts: [[UInt8]]) -> String {
        guard isSigning else { return "" }
        let raw = digest(parts)
        // A failed digest must never look like the unsigned "" that an empty key accepts.
        return raw.isEmpty ? "!" : Hex.encode(raw)
    }

    /// Checks a received signature frame against the parts in constant time.
    public func verify(signature: [UInt8], parts: [[UInt8]]) -> Bool {
        guard isSigning else { return signature.isEmpty }
        let raw = digest(parts)
        guard !raw.isEmpty else { return false }
        let expected = Array(Hex.encode(raw).utf8)
        guard expected.count == signature.count else { return false }
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

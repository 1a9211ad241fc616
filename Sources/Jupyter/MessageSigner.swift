import COpenSSL

/// Signs and verifies Jupyter messages with HMAC-SHA256 over their raw frames.
///
/// An empty key means the connection is unsigned: `sign` returns "" and `verify` accepts "".
public struct MessageSigner: Sendable {
    private let keyed: KeyedMAC?

    /// Creates a signer for the connection file's `key`.
    public init(key: [UInt8]) {
        keyed = key.isEmpty ? nil : KeyedMAC(key: key)
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

/// An HMAC-SHA256 context keyed once; each digest works on a copy of it.
///
/// The keyed template is never mutated after `init`, so copies may be taken from any thread.
private final class KeyedMAC: @unchecked Sendable {
    private let template: OpaquePointer

    init?(key: [UInt8]) {
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
        defer { EVP_MAC_free(mac) }
        guard let ctx = EVP_MAC_CTX_new(mac) else { return nil }
        var digestName = Array("SHA256".utf8CString)
        let ok = digestName.withUnsafeMutableBufferPointer { name in
            var params = [
                OSSL_PARAM_construct_utf8_string("digest", name.baseAddress, 0),
                OSSL_PARAM_construct_end(),
            ]
            return key.withUnsafeBufferPointer { k in
                EVP_MAC_init(ctx, k.baseAddress, k.count, &params)
            }
        }
        guard ok == 1 else {
            EVP_MAC_CTX_free(ctx)
            return nil
        }
        template = ctx
    }

    deinit { EVP_MAC_CTX_free(template) }

    /// The raw 32-byte MAC of the concatenated parts ([] if OpenSSL fails).
    func digest(_ parts: [[UInt8]]) -> [UInt8] {
        guard let ctx = EVP_MAC_CTX_dup(template) else { return [] }
        defer { EVP_MAC_CTX_free(ctx) }
        for part in parts {
            let ok = part.withUnsafeBufferPointer { EVP_MAC_update(ctx, $0.baseAddress, $0.count) }
            guard ok == 1 else { return [] }
        }
        let capacity = Int(EVP_MAX_MD_SIZE)
        var out = [UInt8](repeating: 0, count: capacity)
        var length = 0
        guard EVP_MAC_final(ctx, &out, &length, capacity) == 1 else { return [] }
        return Array(out.prefix(length))
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

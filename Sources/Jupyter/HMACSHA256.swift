import COpenSSL

/// HMAC-SHA256 (RFC 2104) over OpenSSL's SHA-256, keyed once.
///
/// Built on `SHA256_Init`/`Update`/`Final` rather than `EVP_MAC`: the EVP route initialises
/// OpenSSL's providers and keeps about 1.8 MiB of their tables resident in every kernel. The
/// inner and outer hash states after the padded key are computed once; each digest starts
/// from copies of them, so a value may be used from any thread.
struct HMACSHA256: Sendable {
    static let blockSize = 64
    static let digestSize = 32

    private let inner: SHA256_CTX
    private let outer: SHA256_CTX

    init(key: [UInt8]) {
        var block = key.count > Self.blockSize ? Self.hash(key) : key
        block.append(contentsOf: repeatElement(0, count: Self.blockSize - block.count))
        var pad = block.map { $0 ^ 0x36 }
        inner = Self.absorbed(pad)
        pad = block.map { $0 ^ 0x5c }
        outer = Self.absorbed(pad)
        OPENSSL_cleanse(&pad, pad.count)
        OPENSSL_cleanse(&block, block.count)
    }

    /// The 32-byte MAC of the concatenated parts.
    func digest(_ parts: [[UInt8]]) -> [UInt8] {
        var context = inner
        for part in parts {
            part.withUnsafeBytes { _ = SHA256_Update(&context, $0.baseAddress, $0.count) }
        }
        var innerDigest = [UInt8](repeating: 0, count: Self.digestSize)
        SHA256_Final(&innerDigest, &context)
        context = outer
        SHA256_Update(&context, innerDigest, innerDigest.count)
        var out = [UInt8](repeating: 0, count: Self.digestSize)
        SHA256_Final(&out, &context)
        return out
    }

    private static func absorbed(_ bytes: [UInt8]) -> SHA256_CTX {
        var context = SHA256_CTX()
        SHA256_Init(&context)
        SHA256_Update(&context, bytes, bytes.count)
        return context
    }

    private static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var context = absorbed(bytes)
        var out = [UInt8](repeating: 0, count: digestSize)
        SHA256_Final(&out, &context)
        return out
    }
}

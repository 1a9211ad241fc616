/// MurmurHash2 (32-bit) of a string's UTF-8 bytes: the hash JupyterLab's debugger and
/// ipykernel name cell files by (`hashMethod: "Murmur2"`), so the kernel and the frontend
/// compute the same file for the same code.
enum Murmur2 {
    static func hash(_ text: String, seed: UInt32) -> UInt32 {
        let m: UInt32 = 0x5BD1_E995
        let bytes = Array(text.utf8)
        var h = seed ^ UInt32(truncatingIfNeeded: bytes.count)
        var i = 0
        while bytes.count - i >= 4 {
            var k = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            k = k &* m
            k ^= k >> 24
            k = k &* m
            h = (h &* m) ^ k
            i += 4
        }
        let tail = bytes.count - i
        if tail == 3 { h ^= UInt32(bytes[i + 2]) << 16 }
        if tail >= 2 { h ^= UInt32(bytes[i + 1]) << 8 }
        if tail >= 1 {
            h ^= UInt32(bytes[i])
            h = h &* m
        }
        h ^= h >> 13
        h = h &* m
        h ^= h >> 15
        return h
    }
}

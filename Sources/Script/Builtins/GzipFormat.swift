/// The gzip file format (RFC 1952) as CPython's `gzip` module reads and writes it.
package enum GzipFormat {
    /// CPython's errors for bad gzip data.
    package enum Failure: Error {
        /// `gzip.BadGzipFile` with this message.
        case bad(String)
        /// `EOFError`: the data ended inside a member.
        case truncated
        case tooLarge
    }

    /// Every member's data, concatenated (zero bytes between members are padding, as CPython
    /// allows).
    package static func decompress(_ data: [UInt8]) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        var position = 0
        while position < data.count {
            if data[position...].allSatisfy({ $0 == 0 }) { break }
            guard data.count - position >= 2 else { throw .truncated }
            guard data[position] == 0x1F && data[position + 1] == 0x8B else {
                throw .bad("Not a gzipped file (\((try? BytesObject.literal(Array(data[position..<(position + 2)]))) ?? ""))")
            }
            position = try member(data, at: position, into: &output)
        }
        return output
    }

    /// Reads one member starting at `start` into `output`; returns where it ends.
    private static func member(_ data: [UInt8], at start: Int, into output: inout [UInt8]) throws(Failure) -> Int {
        guard data.count - start >= 10 else { throw .truncated }
        guard data[start + 2] == 8 else { throw .bad("Unknown compression method") }
        let flags = data[start + 3]
        var position = start + 10
        func skip(_ count: Int) throws(Failure) {
            guard data.count - position >= count else { throw .truncated }
            position += count
        }
        if flags & 4 != 0 {
            try skip(2)
            try skip(Int(data[position - 2]) | Int(data[position - 1]) << 8)
        }
        for flag: UInt8 in [8, 16] where flags & flag != 0 {
            // A zero-terminated name or comment.
            while true {
                try skip(1)
                if data[position - 1] == 0 { break }
            }
        }
        if flags & 2 != 0 { try skip(2) }
        let inflated: (bytes: [UInt8], end: Int)
        do {
            inflated = try Deflate.decompress(data, from: position)
        } catch {
            switch error {
            case .truncated: throw .truncated
            case .tooLarge: throw .tooLarge
            case .corrupt(let message): throw .bad(message)
            }
        }
        position = inflated.end
        guard data.count - position >= 8 else { throw .truncated }
        let crc = littleEndian(data, position), size = littleEndian(data, position + 4)
        guard crc == Deflate.crc32(inflated.bytes) else { throw .bad("CRC check failed") }
        guard size == UInt32(truncatingIfNeeded: inflated.bytes.count) else { throw .bad("Incorrect length of data produced") }
        output += inflated.bytes
        return position + 8
    }

    package static func littleEndian(_ data: [UInt8], _ at: Int) -> UInt32 {
        UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
    }

    static func littleEndianBytes(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// One member holding `data`. `name` (a file's name, for `GzipFile`) goes in the header.
    /// The OS byte is CPython's: 255, except for `gzip.compress(..., mtime=0)`, which zlib
    /// writes with 3 (Unix).
    static func compress(_ data: [UInt8], level: Int32, mtime: UInt32, name: [UInt8]?) -> [UInt8] {
        let extra: UInt8 = level == 9 ? 2 : (level == 1 ? 4 : 0)
        let system: UInt8 = name == nil && mtime == 0 ? 3 : 255
        var out: [UInt8] = [0x1F, 0x8B, 8, name == nil ? 0 : 8] + littleEndianBytes(mtime) + [extra, system]
        if let name { out += name + [0] }
        out += Deflate.compress(data, level: level)
        out += littleEndianBytes(Deflate.crc32(data)) + littleEndianBytes(UInt32(truncatingIfNeeded: data.count))
        return out
    }
}

/// A zip archive read from memory: its central directory (with ZIP64 records) and each
/// entry's data, stored or deflated. Independent of scripts' values so that other readers
/// (PyTorch's checkpoint archives) can use it.
package struct ZipArchive {
    package enum Failure: Error {
        /// No end-of-central-directory record: CPython's "File is not a zip file".
        case notAZip
        case corrupt(String)
        case unsupported(String)
        case badCRC(String)
        case tooLarge
    }

    package struct Entry {
        package let name: String
        package let method: UInt16
        package let flags: UInt16
        package let crc: UInt32
        package let compressedSize: Int
        package let size: Int
        package let headerOffset: Int
        package let externalAttributes: UInt32
        /// MS-DOS date and time: year, month, day, hour, minute, second.
        package let dateTime: [Int]
        var isDirectory: Bool { name.hasSuffix("/") }

        package init(name: String, method: UInt16, flags: UInt16, crc: UInt32, compressedSize: Int, size: Int,
                     headerOffset: Int, externalAttributes: UInt32, dateTime: [Int]) {
            self.name = name
            self.method = method
            self.flags = flags
            self.crc = crc
            self.compressedSize = compressedSize
            self.size = size
            self.headerOffset = headerOffset
            self.externalAttributes = externalAttributes
            self.dateTime = dateTime
        }
    }

    package let data: [UInt8]
    package let entries: [Entry]

    package init(_ data: [UInt8]) throws(Failure) {
        self.data = data
        entries = try ZipArchive.centralDirectory(data)
    }

    static func u16(_ d: [UInt8], _ at: Int) -> Int { Int(d[at]) | Int(d[at + 1]) << 8 }
    static func u32(_ d: [UInt8], _ at: Int) -> Int { u16(d, at) | u16(d, at + 2) << 16 }
    static func u64(_ d: [UInt8], _ at: Int) -> Int? {
        let high = u32(d, at + 4)
        guard high < 1 << 31 else { return nil }
        return u32(d, at) | high << 32
    }

    /// The end-of-central-directory record's offset, searched backwards over a comment.
    private static func endRecord(_ d: [UInt8]) -> Int? {
        guard d.count >= 22 else { return nil }
        var i = d.count - 22
        let lowest = max(0, d.count - 22 - 0xFFFF)
        while i >= lowest {
            if d[i] == 0x50 && d[i + 1] == 0x4B && d[i + 2] == 5 && d[i + 3] == 6 { return i }
            i -= 1
        }
        return nil
    }

    private static func centralDirectory(_ d: [UInt8]) throws(Failure) -> [Entry] {
        guard let end = endRecord(d) else { throw .notAZip }
        var count = u16(d, end + 10)
        var offset = u32(d, end + 16)
        // ZIP64: a locator just before the record points at the 64-bit record.
        if end >= 20, u32(d, end - 20) == 0x0706_4B50 {
            guard let record = u64(d, end - 12), record >= 0, record + 56 <= d.count, u32(d, record) == 0x0606_4B50,
                  let records = u64(d, record + 32), let start = u64(d, record + 48) else {
                throw .corrupt("Corrupt zip64 end of central directory record")
            }
            count = records
            offset = start
        }
        var entries: [Entry] = []
        var at = offset
        for _ in 0..<count {
            guard at >= 0, at + 46 <= d.count, u32(d, at) == 0x0201_4B50 else { throw .corrupt("Bad magic number for central directory") }
            let nameLength = u16(d, at + 28), extraLength = u16(d, at + 30), commentLength = u16(d, at + 32)
            guard at + 46 + nameLength + extraLength + commentLength <= d.count else { throw .corrupt("Truncated central directory") }
            let flags = UInt16(u16(d, at + 8))
            let rawName = Array(d[(at + 46)..<(at + 46 + nameLength)])
            guard flags & 0x800 != 0 || rawName.allSatisfy({ $0 < 0x80 }),
                  let name = String(validating: rawName, as: UTF8.self) else {
                throw .unsupported("a member name in the cp437 encoding")
            }
            var compressed = u32(d, at + 20), size = u32(d, at + 24), header = u32(d, at + 42)
            // ZIP64 extra field: the 64-bit values for the fields that hold 0xFFFFFFFF, in order.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let tag = u16(d, extra), length = u16(d, extra + 2)
                if tag == 1 {
                    var field = extra + 4
                    for keyPath in [0, 1, 2] {
                        let current = keyPath == 0 ? size : keyPath == 1 ? compressed : header
                        guard current == 0xFFFF_FFFF, field + 8 <= extra + 4 + length, let wide = u64(d, field) else { continue }
                        if keyPath == 0 { size = wide } else if keyPath == 1 { compressed = wide } else { header = wide }
                        field += 8
                    }
                }
                extra += 4 + length
            }
            let time = u16(d, at + 12), date = u16(d, at + 14)
            entries.append(Entry(name: name, method: UInt16(u16(d, at + 10)), flags: flags, crc: UInt32(u32(d, at + 16)),
                                 compressedSize: compressed, size: size, headerOffset: header,
                                 externalAttributes: UInt32(u32(d, at + 38)),
                                 dateTime: [(date >> 9) + 1980, date >> 5 & 0xF, date & 0x1F, time >> 11, time >> 5 & 0x3F, (time & 0x1F) * 2]))
            at += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The entry's uncompressed bytes, their CRC-32 checked.
    package func contents(of entry: Entry) throws(Failure) -> [UInt8] {
        let at = entry.headerOffset
        guard at >= 0, at + 30 <= data.count, ZipArchive.u32(data, at) == 0x0403_4B50 else {
            throw .corrupt("Bad magic number for file header")
        }
        let start = at + 30 + ZipArchive.u16(data, at + 26) + ZipArchive.u16(data, at + 28)
        guard entry.flags & 1 == 0 else { throw .unsupported("encrypted members") }
        let bytes: [UInt8]
        switch entry.method {
        case 0:
            guard start + entry.size <= data.count else { throw .corrupt("Truncated file data") }
            bytes = Array(data[start..<(start + entry.size)])
        case 8:
            do {
                bytes = try Deflate.decompress(data, from: start, expected: entry.size).bytes
            } catch {
                switch error {
                case .truncated: throw .corrupt("Compressed file ended before the end-of-stream marker was reached")
                case .corrupt(let message): throw .corrupt("Error -3 while decompressing data: \(message)")
                case .tooLarge: throw .tooLarge
                }
            }
        default:
            throw .unsupported("compression method \(entry.method)")
        }
        guard Deflate.crc32(bytes) == entry.crc else { throw .badCRC(entry.name) }
        return bytes
    }
}

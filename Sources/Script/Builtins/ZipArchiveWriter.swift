/// Writes a zip archive entry by entry, as CPython's zipfile lays it out: each entry's local
/// header and data as it is added, then the central directory and end record (with ZIP64
/// records past zipfile's limits). Independent of scripts' values, like ZipArchive, so that
/// other writers (PyTorch's checkpoint archives) can use it.
package struct ZipArchiveWriter {
    package enum Method: UInt16 {
        case stored = 0
        case deflated = 8
    }

    package enum Failure: Error {
        /// CPython's "ZIP does not support timestamps before 1980".
        case timestampBefore1980
    }

    package typealias Record = ZipArchive.Entry

    /// zipfile's ZIP64_LIMIT: sizes and offsets beyond it need ZIP64 records.
    static let zip64Limit = (1 << 31) - 1
    /// Where the next entry starts (bytes written so far).
    private(set) var offset: Int
    private(set) var records: [Record] = []

    init(startingAt offset: Int = 0) {
        self.offset = offset
    }

    /// The bytes of one entry (local header, then data) to append to the archive.
    package mutating func add(name: String, contents: [UInt8], method: Method, level: Int32 = -1, dateTime: [Int],
                      externalAttributes: UInt32) throws(Failure) -> [UInt8] {
        guard dateTime.count >= 6, dateTime[0] >= 1980 else { throw .timestampBefore1980 }
        let data = method == .deflated ? Deflate.compress(contents, level: level) : contents
        let record = Record(name: name, method: method.rawValue, flags: UInt16(ZipArchiveWriter.flags(name)), crc: Deflate.crc32(contents),
                            compressedSize: data.count, size: contents.count, headerOffset: offset,
                            externalAttributes: externalAttributes, dateTime: dateTime)
        var out = ZipArchiveWriter.localHeader(record)
        out.append(contentsOf: data)
        records.append(record)
        offset += out.count
        return out
    }

    /// The central directory and end records that close the archive.
    package func finish(comment: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = []
        for record in records { out.append(contentsOf: ZipArchiveWriter.centralRecord(record)) }
        let start = offset, size = out.count
        let count = records.count
        if count > 0xFFFF || start > ZipArchiveWriter.zip64Limit || size > ZipArchiveWriter.zip64Limit {
            // ZIP64 end of central directory record, then its locator.
            let record = start + size
            out += le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4)
            out += le(count, 8) + le(count, 8) + le(size, 8) + le(start, 8)
            out += le(0x0706_4B50, 4) + le(0, 4) + le(record, 8) + le(1, 4)
        }
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(min(count, 0xFFFF), 2) + le(min(count, 0xFFFF), 2)
        out += le(min(size, 0xFFFF_FFFF), 4) + le(min(start, 0xFFFF_FFFF), 4) + le(comment.count, 2)
        return out + comment
    }

    /// MS-DOS time and date fields.
    private static func dos(_ t: [Int]) -> (time: Int, date: Int) {
        (t[3] << 11 | t[4] << 5 | t[5] / 2, (t[0] - 1980) << 9 | t[1] << 5 | t[2])
    }

    /// UTF-8 names that are not ASCII set the language-encoding flag, as CPython does.
    private static func flags(_ name: String) -> Int { name.utf8.allSatisfy { $0 < 0x80 } ? 0 : 0x800 }

    private static func needsZip64(_ r: Record) -> Bool {
        r.size > zip64Limit || r.compressedSize > zip64Limit
    }

    private static func localHeader(_ r: Record) -> [UInt8] {
        let zip64 = needsZip64(r)
        let extra = zip64 ? le(1, 2) + le(16, 2) + le(r.size, 8) + le(r.compressedSize, 8) : []
        let (time, date) = dos(r.dateTime)
        var out = le(0x0403_4B50, 4) + le(zip64 ? 45 : 20, 2) + le(Int(r.flags), 2) + le(Int(r.method), 2)
        out += le(time, 2) + le(date, 2) + le(Int(r.crc), 4)
        out += le(zip64 ? 0xFFFF_FFFF : r.compressedSize, 4) + le(zip64 ? 0xFFFF_FFFF : r.size, 4)
        out += le(r.name.utf8.count, 2) + le(extra.count, 2)
        return out + Array(r.name.utf8) + extra
    }

    private static func centralRecord(_ r: Record) -> [UInt8] {
        var extraValues: [Int] = []
        if r.size > zip64Limit { extraValues.append(r.size) }
        if r.compressedSize > zip64Limit { extraValues.append(r.compressedSize) }
        if r.headerOffset > zip64Limit { extraValues.append(r.headerOffset) }
        var extra: [UInt8] = []
        if !extraValues.isEmpty {
            extra = le(1, 2) + le(8 * extraValues.count, 2)
            for value in extraValues { extra += le(value, 8) }
        }
        let version = extraValues.isEmpty ? 20 : 45
        let (time, date) = dos(r.dateTime)
        // Made by version 2.0 (or 4.5) on Unix (3), as CPython records it.
        var out = le(0x0201_4B50, 4) + [UInt8(version), 3] + le(version, 2) + le(Int(r.flags), 2) + le(Int(r.method), 2)
        out += le(time, 2) + le(date, 2) + le(Int(r.crc), 4)
        out += le(r.compressedSize > zip64Limit ? 0xFFFF_FFFF : r.compressedSize, 4)
        out += le(r.size > zip64Limit ? 0xFFFF_FFFF : r.size, 4)
        out += le(r.name.utf8.count, 2) + le(extra.count, 2) + le(0, 2) + le(0, 2) + le(0, 2)
        out += le(Int(r.externalAttributes), 4) + le(r.headerOffset > zip64Limit ? 0xFFFF_FFFF : r.headerOffset, 4)
        return out + Array(r.name.utf8) + extra
    }
}

/// `value` as `count` little-endian bytes (zip headers).
package func le(_ value: Int, _ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}

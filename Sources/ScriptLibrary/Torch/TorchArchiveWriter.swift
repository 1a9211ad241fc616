import Script
/// The zip layout PyTorch's `PyTorchStreamWriter` (miniz) gives a checkpoint, which differs
/// from CPython's zipfile's: every record stored under `<archive>/`, its data aligned to 64
/// bytes by an `FB` extra field of `Z` padding, sizes and CRC in a data descriptor after the
/// data, zeroed dates and versions, and always the ZIP64 end records. Records over 4 GiB
/// (which need ZIP64 headers) are refused.
package struct TorchArchiveWriter {
    package enum Failure: Error {
        case recordTooLarge(String)
    }

    /// PyTorch's kFieldAlignment.
    static let alignment = 64
    private static let limit = 0xFFFF_FFFF

    let archiveName: String
    private(set) var bytes: [UInt8] = []
    private var records: [ZipArchive.Entry] = []
    /// PyTorch's combined CRC of the records written, the end of the serialization id.
    private var combinedCRC: UInt64 = 0

    init(archiveName: String) {
        self.archiveName = archiveName
    }

    /// Appends `<archive>/<name>` holding `data`.
    package mutating func write(_ name: String, _ data: [UInt8]) throws(Failure) {
        let fullName = archiveName + "/" + name
        let nameBytes = Array(fullName.utf8)
        guard data.count < TorchArchiveWriter.limit, bytes.count < TorchArchiveWriter.limit else { throw .recordTooLarge(fullName) }
        let headerOffset = bytes.count
        let start = headerOffset + 30 + nameBytes.count + 4
        let padding = (TorchArchiveWriter.alignment - start % TorchArchiveWriter.alignment) % TorchArchiveWriter.alignment
        let crc = Deflate.crc32(data)
        // miniz writes a data descriptor (flag bit 3) only after a non-empty record.
        let flags = data.isEmpty ? 0x0800 : 0x0808
        bytes += le(0x0403_4B50, 4) + le(0, 2) + le(flags, 2) + le(0, 2) + le(0, 4) + le(0, 4) + le(0, 4) + le(0, 4)
        bytes += le(nameBytes.count, 2) + le(padding + 4, 2) + nameBytes
        bytes += Array("FB".utf8) + le(padding, 2) + [UInt8](repeating: 0x5A, count: padding)
        bytes += data
        if !data.isEmpty { bytes += le(0x0807_4B50, 4) + le(Int(crc), 4) + le(data.count, 4) + le(data.count, 4) }
        records.append(ZipArchive.Entry(name: fullName, method: 0, flags: UInt16(flags), crc: crc, compressedSize: data.count, size: data.count,
                                        headerOffset: headerOffset, externalAttributes: 0, dateTime: []))
        // c10::hash_combine over each non-empty record's CRC.
        if !data.isEmpty {
            combinedCRC ^= UInt64(crc) &+ 0x9E37_79B9 &+ (combinedCRC << 6) &+ (combinedCRC >> 2)
        }
    }

    /// `.data/serialization_id`: 20 digits of `random` then 20 of the combined CRC, as PyTorch.
    func serializationID(random: UInt64) -> [UInt8] {
        Array((padded(random) + padded(combinedCRC)).utf8)
    }

    /// The central directory and end records that close the archive.
    package mutating func finish() throws(Failure) -> [UInt8] {
        let start = bytes.count
        for r in records {
            let name = Array(r.name.utf8)
            bytes += le(0x0201_4B50, 4) + le(0, 2) + le(0, 2) + le(Int(r.flags), 2) + le(0, 2) + le(0, 4)
            bytes += le(Int(r.crc), 4) + le(r.size, 4) + le(r.size, 4) + le(name.count, 2) + le(0, 2) + le(0, 2)
            bytes += le(0, 2) + le(0, 2) + le(0, 4) + le(r.headerOffset, 4) + name
        }
        let size = bytes.count - start
        guard start < TorchArchiveWriter.limit, size < TorchArchiveWriter.limit else { throw .recordTooLarge(archiveName) }
        let record = bytes.count
        // ZIP64 end of central directory (made by 3.0 on Unix, needs 4.5), then its locator.
        bytes += le(0x0606_4B50, 4) + le(44, 8) + le(0x031E, 2) + le(45, 2) + le(0, 4) + le(0, 4)
        bytes += le(records.count, 8) + le(records.count, 8) + le(size, 8) + le(start, 8)
        bytes += le(0x0706_4B50, 4) + le(0, 4) + le(record, 8) + le(1, 4)
        bytes += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(records.count, 2) + le(records.count, 2)
        bytes += le(size, 4) + le(start, 4) + le(0, 2)
        return bytes
    }

    private func padded(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }
}

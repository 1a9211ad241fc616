import Glibc
import Tensors
import Script

/// `np.save` / `np.load` in the `.npy` format (version 1.0, little-endian, C order), and
/// `np.loadtxt` / `np.genfromtxt` for delimited numeric text.
package enum NumPyFile {
    package static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The `.npy` bytes of an array: magic, version, header padded to 64 bytes, elements.
    static func encode(_ array: NDArray) -> [UInt8] {
        let shape = array.dims.count == 1 ? "(\(array.dims[0]),)" : "(" + array.dims.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(array.dtype.numpyTypeString)', 'fortran_order': False, 'shape': \(shape), }"
        let unpadded = magic.count + 2 + 2 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = header.utf8.count
        var bytes = magic + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8)
        switch array.elements {
        case .float64(let v): for x in v { bytes += littleEndian(x.bitPattern) }
        case .float32(let v): for x in v { bytes += littleEndian(x.bitPattern) }
        case .int64(let v): for x in v { bytes += littleEndian(UInt64(bitPattern: x)) }
        case .int32(let v): for x in v { bytes += littleEndian(UInt32(bitPattern: x)) }
        case .uint8(let v): bytes += v
        case .bool(let v): bytes += v.map { $0 ? 1 : 0 }
        }
        return bytes
    }

    private static func littleEndian<T: FixedWidthInteger>(_ x: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: x >> ($0 * 8)) }
    }

    /// An array from `.npy` bytes.
    package static func decode(_ bytes: [UInt8]) throws(ScriptError) -> NDArray {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw .valueError("Failed to interpret file as a pickle")
        }
        let major = bytes[6]
        let headerStart = major == 1 ? 10 : 12
        guard major >= 1 && major <= 3, bytes.count >= headerStart else { throw .valueError("we only support format version (1,0), (2,0), and (3,0), not (\(major), \(bytes[7]))") }
        var length = Int(bytes[8]) | Int(bytes[9]) << 8
        if major > 1 { length |= Int(bytes[10]) << 16 | Int(bytes[11]) << 24 }
        guard headerStart + length <= bytes.count else { throw .valueError("EOF: reading array header, expected \(length) bytes") }
        let header = String(decoding: bytes[headerStart..<(headerStart + length)], as: UTF8.self)
        func field(_ name: String) -> Substring? {
            guard let r = header.firstRange(of: "'\(name)':") else { return nil }
            return header[r.upperBound...].drop(while: { $0 == " " })
        }
        guard let descrField = field("descr"), descrField.first == "'",
              let end = descrField.dropFirst().firstIndex(of: "'") else { throw .valueError("Header does not contain the correct keys") }
        let descr = String(descrField.dropFirst()[..<end])
        guard let dtype = DType.allCases.first(where: { $0.numpyTypeString == descr || "=" + $0.numpyTypeString.dropFirst() == descr }) else {
            throw NumPyDTypes.unsupportedError(descr)
        }
        if let order = field("fortran_order"), order.hasPrefix("True") {
            throw .valueError("np.load of a Fortran-ordered array is not provided by Recur's numpy (see docs/NUMPY.md)")
        }
        guard let shapeField = field("shape"), shapeField.first == "(", let close = shapeField.firstIndex(of: ")") else {
            throw .valueError("Header does not contain the correct keys")
        }
        var dims: [Int] = []
        for part in shapeField.dropFirst()[..<close].split(separator: ",") {
            let text = part.trimmingCharacters(in: " ")
            if text.isEmpty { continue }
            guard let d = Int(text), d >= 0 else { throw .valueError("shape in header is not valid: \(shapeField[...close])") }
            dims.append(d)
        }
        let count = try NumPyShapes.checkedCount(dims, dtype: dtype)
        let start = headerStart + length
        let size = dtype.elementSize
        guard bytes.count - start >= count * size else {
            throw .valueError("cannot reshape array of size \((bytes.count - start) / size) into shape \(NumPyShapes.tupleText(dims))")
        }
        func word(_ k: Int) -> UInt64 {
            var v: UInt64 = 0
            for b in 0..<size { v |= UInt64(bytes[start + k * size + b]) << (8 * b) }
            return v
        }
        let values: ElementArray
        switch dtype {
        case .float64: values = .float64((0..<count).map { Double(bitPattern: word($0)) })
        case .float32: values = .float32((0..<count).map { Float(bitPattern: UInt32(word($0))) })
        case .int64: values = .int64((0..<count).map { Int64(bitPattern: word($0)) })
        case .int32: values = .int32((0..<count).map { Int32(bitPattern: UInt32(word($0))) })
        case .uint8: values = .uint8(Array(bytes[start..<(start + count)]))
        case .bool: values = .bool(bytes[start..<(start + count)].map { $0 != 0 })
        }
        return try NDArray(values, dims)
    }

    static func readAll(_ path: String) throws(ScriptError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SystemError.current(path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw SystemError.current(path) }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    static func writeAll(_ bytes: [UInt8], _ path: String) throws(ScriptError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SystemError.current(path) }
        defer { close(descriptor) }
        try SystemError.writeAll(bytes, to: descriptor, path)
    }

    /// `np.loadtxt` / `np.genfromtxt`: numbers separated by `delimiter` (whitespace when nil),
    /// `#` comments, `skiprows` / `skip_header` lines skipped, `usecols` picked.
    package static func text(_ content: String, delimiter: String?, skip: Int, columns: [Int]?, dtype: DType,
                     missingAsNaN: Bool) throws(ScriptError) -> NDArray {
        var rows: [[Double]] = []
        for (k, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where k >= skip {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields: [Substring] = delimiter.map { line.split(separator: Substring($0), omittingEmptySubsequences: false).map { Substring($0) } }
                ?? line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            var row: [Double] = []
            for (c, field) in fields.enumerated() where columns?.contains(c) ?? true {
                let text = field.trimmingCharacters(in: " \t")
                if let d = Double(text) { row.append(d); continue }
                if missingAsNaN { row.append(.nan); continue }
                throw .valueError("could not convert string '\(text)' to \(dtype.name) at row \(rows.count), column \(c + 1).")
            }
            if let first = rows.first, first.count != row.count {
                throw .valueError("the number of columns changed from \(first.count) to \(row.count) at row \(rows.count + 1); use `usecols` to select a subset and avoid this error")
            }
            rows.append(row)
        }
        let width = rows.first?.count ?? 0
        let flat = rows.flatMap { $0 }
        let dims = width == 1 || rows.count == 1 ? [flat.count] : [rows.count, width]
        return try NDArray(ElementArray.float64(flat).converted(to: dtype), dims)
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

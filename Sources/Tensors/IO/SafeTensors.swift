import FoundationEssentials
import Glibc

/// Reads and writes the safetensors format (F32, F64, I64, I32, U8 and BOOL), so weights move between Recur
/// and PyTorch's `safetensors.torch.save_file` / `load_file`.
public enum SafeTensors {
    struct Entry: Codable {
        var dtype: String
        var shape: [Int]
        var data_offsets: [Int]
    }

    /// A header value: a tensor entry, or the free-form `__metadata__` map.
    enum HeaderValue: Decodable {
        case tensor(Entry)
        case metadata([String: String])

        init(from decoder: any Decoder) throws {
            if let entry = try? Entry(from: decoder) {
                self = .tensor(entry)
            } else {
                self = .metadata(try [String: String](from: decoder))
            }
        }
    }

    /// Decodes a safetensors byte image into named tensors, in data order.
    public static func decode(_ bytes: [UInt8]) throws(TensorError) -> [(name: String, tensor: Tensor)] {
        guard bytes.count >= 8 else { throw .other(.fileError, "Error while deserializing header: HeaderTooSmall") }
        var headerSize = 0
        for i in 0..<8 { headerSize |= Int(bytes[i]) << (8 * i) }
        guard headerSize >= 0, headerSize <= bytes.count - 8 else {
            throw .other(.fileError, "Error while deserializing header: InvalidHeaderLength")
        }
        let header: [String: HeaderValue]
        do {
            header = try JSONDecoder().decode([String: HeaderValue].self, from: Data(bytes[8..<(8 + headerSize)]))
        } catch {
            throw .other(.fileError, "Error while deserializing header: InvalidHeaderDeserialization")
        }
        let base = 8 + headerSize
        var result: [(name: String, tensor: Tensor, start: Int)] = []
        for (name, value) in header {
            guard case .tensor(let entry) = value else { continue }
            guard entry.data_offsets.count == 2, entry.shape.allSatisfy({ $0 >= 0 }),
                entry.data_offsets.allSatisfy({ $0 >= 0 && $0 <= bytes.count })
            else {
                throw .other(.fileError, "Error while deserializing header: InvalidOffset(\"\(name)\")")
            }
            let start = base + entry.data_offsets[0]
            let end = base + entry.data_offsets[1]
            let shape = Shape(entry.shape)
            guard let dtype = DType(safetensorsCode: entry.dtype) else {
                throw .other(.fileError, "unsupported safetensors dtype \(entry.dtype) for \"\(name)\" (Recur reads F32, F64, I64, I32, U8 and BOOL)")
            }
            let width = dtype.byteWidth
            let elements: Int
            do {
                elements = try Shape.checkedCount(entry.shape)
            } catch {
                throw .other(.fileError, "Error while deserializing header: TensorInvalidInfo")
            }
            guard start <= end, end <= bytes.count, end - start == elements * width else {
                throw .other(.fileError, "Error while deserializing header: TensorInvalidInfo")
            }
            let storage: TensorStorage = bytes.withUnsafeBytes { raw in
                TensorStorage(littleEndian: UnsafeRawBufferPointer(rebasing: raw[start..<end]), dtype: dtype)
            }
            result.append((name, Tensor(shape: shape, storage: storage), start))
        }
        return result.sorted { $0.start < $1.start }.map { ($0.name, $0.tensor) }
    }

    /// Encodes named tensors into a safetensors byte image, laid out as `safetensors` lays
    /// out its own files (widest dtype first, then by name), so the bytes are the same.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String]? = nil) throws(TensorError) -> [UInt8] {
        let sorted = tensors.sorted {
            ($0.tensor.dtype.safetensorsRank, $1.name) > ($1.tensor.dtype.safetensorsRank, $0.name)
        }
        var data: [UInt8] = []
        var json = "{"
        var first = true
        if let metadata {
            json += "\"__metadata__\":{" + metadata.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(quoted($0.value))" }.joined(separator: ",") + "}"
            first = false
        }
        for (name, tensor) in sorted {
            let start = data.count
            data += tensor.storage.littleEndianBytes
            if !first { json += "," }
            first = false
            json += "\(quoted(name)):{\"dtype\":\"\(tensor.dtype.safetensorsCode)\",\"shape\":[" + tensor.shape.dims.map(String.init).joined(separator: ",")
                + "],\"data_offsets\":[\(start),\(data.count)]}"
        }
        json += "}"
        var header = Array(json.utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + data.count)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { out.append(contentsOf: $0) }
        out += header
        out += data
        return out
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Reads a `.safetensors` file (`safetensors.torch.load_file`).
    public static func load(path: String) throws(TensorError) -> [(name: String, tensor: Tensor)] {
        try decode(readFile(path: path))
    }

    /// The whole content of a file.
    static func readFile(path: String) throws(TensorError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .other(.fileError, "No such file or directory: '\(path)'")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// Writes a `.safetensors` file (`safetensors.torch.save_file`).
    public static func save(_ tensors: [(name: String, tensor: Tensor)], path: String, metadata: [String: String]? = nil) throws(TensorError) {
        let bytes = try encode(tensors, metadata: metadata)
        guard let file = fopen(path, "wb") else {
            throw .other(.fileError, "cannot open '\(path)' for writing")
        }
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else { throw .other(.fileError, "short write to '\(path)'") }
    }
}

extension DType {
    /// The dtype's name in a safetensors header.
    var safetensorsCode: String {
        switch self {
        case .float32: "F32"
        case .float64: "F64"
        case .int64: "I64"
        case .int32: "I32"
        case .uint8: "U8"
        case .bool: "BOOL"
        }
    }

    init?(safetensorsCode code: String) {
        switch code {
        case "F32": self = .float32
        case "F64": self = .float64
        case "I64": self = .int64
        case "I32": self = .int32
        case "U8": self = .uint8
        case "BOOL": self = .bool
        default: return nil
        }
    }

    /// Bytes per element in a safetensors file.
    var byteWidth: Int { elementSize }

    /// The position of the dtype in safetensors' own dtype enumeration; files list higher
    /// positions first so every tensor's data stays aligned.
    var safetensorsRank: Int {
        switch self {
        case .bool: 0
        case .uint8: 1
        case .int32: 9
        case .float32: 11
        case .float64: 12
        case .int64: 13
        }
    }
}

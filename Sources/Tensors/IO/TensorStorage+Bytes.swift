/// Elements as the little-endian bytes files hold (safetensors, PyTorch's checkpoint
/// storages): one definition of each dtype's byte layout for every reader and writer.
extension TensorStorage {
    /// The elements in order, each as its dtype's little-endian bytes (bool as 0 or 1).
    var littleEndianBytes: [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(count * dtype.elementSize)
        switch self {
        case .float32(let v):
            for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        case .float64(let v):
            for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        case .int64(let v):
            for x in v { withUnsafeBytes(of: x.littleEndian) { data.append(contentsOf: $0) } }
        case .int32(let v):
            for x in v { withUnsafeBytes(of: x.littleEndian) { data.append(contentsOf: $0) } }
        case .uint8(let v):
            data.append(contentsOf: v)
        case .bool(let v):
            data.append(contentsOf: v.map { $0 ? 1 : 0 })
        }
        return data
    }

    /// `region` read as elements of `dtype`; its length must be a multiple of the element size.
    init(littleEndian region: UnsafeRawBufferPointer, dtype: DType) {
        let count = region.count / dtype.elementSize
        switch dtype {
        case .float32:
            self = .float32((0..<count).map { Float(bitPattern: UInt32(littleEndian: region.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) })
        case .float64:
            self = .float64((0..<count).map { Double(bitPattern: UInt64(littleEndian: region.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) })
        case .int64:
            self = .int64((0..<count).map { Int64(littleEndian: region.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) })
        case .int32:
            self = .int32((0..<count).map { Int32(littleEndian: region.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) })
        case .uint8:
            self = .uint8(Array(region))
        case .bool:
            self = .bool(region.map { $0 != 0 })
        }
    }
}

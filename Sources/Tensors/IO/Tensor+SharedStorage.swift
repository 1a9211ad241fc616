/// A storage read from a file, which every tensor that names it shares as views do
/// (PyTorch's checkpoints record one storage per buffer, with each tensor's offset and strides).
public struct SharedStorage {
    let buffer: TensorBuffer

    /// The elements of `dtype` that `bytes` hold, little-endian; a trailing partial element
    /// is dropped, as PyTorch sizes a typed storage by whole elements.
    public init(littleEndian bytes: ArraySlice<UInt8>, dtype: DType) {
        let usable = bytes.count - bytes.count % dtype.elementSize
        let elements = bytes.withUnsafeBytes { raw in
            TensorStorage(littleEndian: UnsafeRawBufferPointer(rebasing: raw[0..<usable]), dtype: dtype)
        }
        buffer = TensorBuffer(elements)
    }

    public var dtype: DType { buffer.elements.dtype }
    /// The number of elements.
    public var count: Int { buffer.elements.count }
}

extension Tensor {
    /// Which buffer this tensor's elements live in: equal for a tensor and its views.
    public var storageIdentity: ObjectIdentifier { ObjectIdentifier(buffer) }

    /// The number of elements of the whole buffer (PyTorch's `untyped_storage().nbytes()` over the item size).
    public var storageCount: Int { bufferElements.count }

    /// The whole buffer's elements as little-endian bytes, as PyTorch writes a storage record.
    public var storageBytes: [UInt8] { bufferElements.littleEndianBytes }

    /// A tensor over `storage` at `offset` with `strides` (PyTorch's `Tensor.set_`), sharing it.
    /// Positions outside the storage raise PyTorch's `setStorage` error.
    public convenience init(viewing storage: SharedStorage, dims: [Int], strides: [Int], offset: Int) throws(TensorError) {
        guard dims.count == strides.count, offset >= 0, dims.allSatisfy({ $0 >= 0 }), strides.allSatisfy({ $0 >= 0 }) else {
            throw .other(.runtimeError, "setStorage: invalid sizes \(dims), strides \(strides) or storage offset \(offset)")
        }
        // The storage size the view needs, in elements, as ATen computes it (0 for an empty view).
        let empty = dims.contains(0)
        var (needed, overflow) = empty ? (0, false) : offset.addingReportingOverflow(1)
        for (size, stride) in zip(dims, strides) where !empty {
            let (span, o1) = (size - 1).multipliedReportingOverflow(by: stride)
            let (sum, o2) = needed.addingReportingOverflow(span)
            overflow = overflow || o1 || o2
            needed = sum
        }
        let width = storage.dtype.elementSize
        guard !overflow, needed <= storage.count else {
            let (product, tooLarge) = needed.multipliedReportingOverflow(by: width)
            let bytes = overflow || tooLarge ? "more than \(Int.max)" : "\(product)"
            throw .other(.runtimeError, "setStorage: sizes \(dims), strides \(strides), storage offset \(offset), and itemsize \(width) "
                         + "requiring a storage size of \(bytes) are out of bounds for storage of size \(storage.count * width)")
        }
        // Zero strides (an expanded tensor) can name more elements than the storage holds.
        let elementCount = try Shape.checkedCount(dims, elementSize: width)
        let dense = offset == 0 && strides == Shape(dims).strides && elementCount == storage.count
        self.init(shape: Shape(dims), buffer: storage.buffer, layout: dense ? nil : ViewLayout(strides: strides, offset: offset), base: nil)
    }
}

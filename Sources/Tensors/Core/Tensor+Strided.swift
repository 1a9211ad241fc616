/// A tensor's elements as one Swift array of its dtype's element type, for code outside this
/// module that shares a tensor's storage (NumPy arrays).
public enum ElementArray {
    case float32([Float])
    case float64([Double])
    case int64([Int64])
    case int32([Int32])
    case uint8([UInt8])
    case bool([Bool])

    /// The element type.
    public var dtype: DType { storage.dtype }

    /// The number of elements.
    public var count: Int { storage.count }

    var storage: TensorStorage {
        switch self {
        case .float32(let v): .float32(v)
        case .float64(let v): .float64(v)
        case .int64(let v): .int64(v)
        case .int32(let v): .int32(v)
        case .uint8(let v): .uint8(v)
        case .bool(let v): .bool(v)
        }
    }

    init(_ storage: TensorStorage) {
        switch storage {
        case .float32(let v): self = .float32(v)
        case .float64(let v): self = .float64(v)
        case .int64(let v): self = .int64(v)
        case .int32(let v): self = .int32(v)
        case .uint8(let v): self = .uint8(v)
        case .bool(let v): self = .bool(v)
        }
    }

    /// The elements converted to `dtype` (floats truncate toward zero into integers).
    public func converted(to dtype: DType) -> ElementArray { ElementArray(storage.converted(to: dtype)) }

    /// The elements at `positions`, in order.
    public func gathered(_ positions: [Int]) -> ElementArray { ElementArray(storage.gather(positions)) }

    /// Element `i` as a Python scalar.
    public func scalar(at i: Int) -> ScalarValue { storage.scalar(at: i) }

    /// `count` copies of `value` as `dtype`.
    public static func filled(_ value: ScalarValue, count: Int, dtype: DType) -> ElementArray {
        ElementArray(TensorStorage.filled(value, count: count, dtype: dtype))
    }
}

extension Tensor {
    /// A tensor of `shape` owning `elements` (row-major); throws if the counts differ.
    public convenience init(elements: ElementArray, shape: Shape) throws(TensorError) {
        guard elements.count == shape.count else { throw .invalidView(shape: shape.dims, count: elements.count) }
        self.init(shape: shape, storage: elements.storage)
    }

    /// The elements, row-major (the buffer itself, without a copy, when it is dense).
    public var elementArray: ElementArray { ElementArray(storage) }

    /// Every element of the shared buffer (no copy): what a view's strides and offset index.
    public var bufferElementArray: ElementArray { ElementArray(bufferElements) }

    /// How many elements the shared buffer holds (more than `count` for a view).
    public var bufferCount: Int { bufferElements.count }

    /// A view of the same buffer with any strides (negative ones too) and offset, as NumPy's
    /// basic indexing makes; the caller keeps every position inside the buffer.
    public func strided(_ dims: [Int], strides: [Int], offset: Int) -> Tensor {
        let dense = offset == 0 && Shape(dims).count == bufferElements.count && ViewLayout.isRowMajor(dims, strides)
            && !strides.contains(where: { $0 < 0 })
        return Tensor(shape: Shape(dims), buffer: buffer, layout: dense ? nil : ViewLayout(strides: strides, offset: offset),
                      base: viewBase ?? self)
    }

    /// The buffer positions of the elements, row-major.
    public var bufferPositions: [Int] {
        ViewLayout(strides: strides, offset: storageOffset).positions(shape.dims)
    }

    /// Writes `values` (converted to this dtype) at buffer `positions`, seen by every alias.
    public func writeBuffer(_ values: ElementArray, at positions: [Int]) {
        mutateBuffer { $0.scatter(values.storage, at: positions) }
    }

    /// A tensor sharing this one's buffer and layout but no graph or view base (what
    /// `torch.from_numpy` and `Tensor.numpy()` hand across).
    public func sharingElements() -> Tensor { detach() }
}

extension Tensor {
    /// The buffer's element at `position` (a view's element found by its own arithmetic).
    public func bufferScalar(at position: Int) -> ScalarValue { bufferElements.scalar(at: position) }

    /// The buffer's elements at `positions`, in order.
    public func gatheredFromBuffer(_ positions: [Int]) -> ElementArray { ElementArray(bufferElements.gather(positions)) }
}

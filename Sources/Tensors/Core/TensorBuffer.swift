/// Where a tensor's elements are: inline in the tensor until something aliases them (a view,
/// `detach()`, `.data`), then in a buffer every alias shares. Most tensors are never
/// aliased, so they cost no second allocation.
enum TensorElements {
    case owned(TensorStorage)
    case shared(TensorBuffer)
}

/// The elements a tensor shares with its views, and the version counter that in-place
/// writes through any of them advance (PyTorch's storage and `_version`).
final class TensorBuffer {
    var elements: TensorStorage
    /// Advanced by every in-place write, so autograd can tell a saved operand was modified.
    var version = 0

    init(_ elements: TensorStorage) {
        self.elements = elements
    }

    /// Runs `body` on the elements held uniquely (no copy of the array) and counts the write.
    @inline(__always)
    func mutate(_ body: (inout TensorStorage) -> Void) {
        var values = elements
        elements = .bool([])
        body(&values)
        elements = values
        version &+= 1
    }
}

/// What a tensor that aliases another's elements knows about it.
final class Alias {
    /// Where the elements lie in the shared buffer; nil when they are all of it, row-major.
    let layout: ViewLayout?
    /// The tensor viewed (PyTorch's `_base`); nil for `detach()` and `.data`.
    let base: Tensor?
    /// The elements gathered row-major at a buffer version, so a view read many times (an
    /// input row used every epoch) is gathered once per write to its storage.
    var gathered: (version: Int, values: TensorStorage)?

    init(layout: ViewLayout?, base: Tensor?) {
        self.layout = layout
        self.base = base
    }
}

/// Where a strided view's elements lie in its buffer: element (i0, i1, ...) is at
/// `offset + i0 * strides[0] + i1 * strides[1] + ...`.
struct ViewLayout {
    let strides: [Int]
    let offset: Int

    /// Buffer positions of a tensor of `dims` laid out this way, in row-major order.
    func positions(_ dims: [Int]) -> [Int] {
        let count = dims.reduce(1, *)
        var result: [Int] = []
        result.reserveCapacity(count)
        guard count > 0 else { return result }
        if dims.isEmpty { return [offset] }
        var index = [Int](repeating: 0, count: dims.count)
        var position = offset
        let last = dims.count - 1
        let innerStride = strides[last], innerSize = dims[last]
        while true {
            var p = position
            for _ in 0..<innerSize {
                result.append(p)
                p += innerStride
            }
            var d = last - 1
            while d >= 0 {
                index[d] += 1
                position += strides[d]
                if index[d] < dims[d] { break }
                position -= strides[d] * dims[d]
                index[d] = 0
                d -= 1
            }
            if d < 0 { return result }
        }
    }
}

extension TensorStorage {
    /// `count` elements from `start`, in order.
    func range(_ start: Int, count: Int) -> TensorStorage {
        switch self {
        case .float32(let v): .float32(Array(v[start..<(start + count)]))
        case .int64(let v): .int64(Array(v[start..<(start + count)]))
        case .bool(let v): .bool(Array(v[start..<(start + count)]))
        }
    }

    /// Writes `values` (converted to this storage's dtype) at `positions`, in order.
    mutating func scatter(_ values: TensorStorage, at positions: [Int]) {
        switch self {
        case .float32(var v):
            self = .bool([])
            let source = values.floats
            for (k, p) in zip(source, positions) { v[p] = k }
            self = .float32(v)
        case .int64(var v):
            self = .bool([])
            let source = values.int64s
            for (k, p) in zip(source, positions) { v[p] = k }
            self = .int64(v)
        case .bool(var v):
            self = .int64([])
            let source = values.bools
            for (k, p) in zip(source, positions) { v[p] = k }
            self = .bool(v)
        }
    }
}

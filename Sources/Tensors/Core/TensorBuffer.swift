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
        rearranged(RangeTransform(start: start, count: count))
    }

    /// Writes `values` (converted to this storage's dtype) at `positions`, in order.
    mutating func scatter(_ values: TensorStorage, at positions: [Int]) {
        let source = values.converted(to: dtype)
        let taken = self
        self = .bool([])
        switch (taken, source) {
        case (.float32(var v), .float32(let s)): TensorStorage.write(s, into: &v, at: positions); self = .float32(v)
        case (.float64(var v), .float64(let s)): TensorStorage.write(s, into: &v, at: positions); self = .float64(v)
        case (.int64(var v), .int64(let s)): TensorStorage.write(s, into: &v, at: positions); self = .int64(v)
        case (.int32(var v), .int32(let s)): TensorStorage.write(s, into: &v, at: positions); self = .int32(v)
        case (.uint8(var v), .uint8(let s)): TensorStorage.write(s, into: &v, at: positions); self = .uint8(v)
        case (.bool(var v), .bool(let s)): TensorStorage.write(s, into: &v, at: positions); self = .bool(v)
        case (.float32, _), (.float64, _), (.int64, _), (.int32, _), (.uint8, _), (.bool, _):
            // `converted(to:)` gave the same dtype, so the pairs above are the only ones.
            self = taken
        }
    }

    private static func write<T>(_ source: [T], into v: inout [T], at positions: [Int]) {
        for (k, p) in zip(source, positions) { v[p] = k }
    }
}

struct RangeTransform: ArrayTransform {
    let start: Int, count: Int
    func apply<T>(_ values: [T]) -> [T] { Array(values[start..<(start + count)]) }
}

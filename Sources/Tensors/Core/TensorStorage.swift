/// The contiguous, row-major elements of a tensor.
enum TensorStorage {
    case float32([Float])
    case int64([Int64])
    case bool([Bool])

    var dtype: DType {
        switch self {
        case .float32: .float32
        case .int64: .int64
        case .bool: .bool
        }
    }

    var count: Int {
        switch self {
        case .float32(let v): v.count
        case .int64(let v): v.count
        case .bool(let v): v.count
        }
    }

    /// The elements as float32 (converting integers and booleans).
    var floats: [Float] {
        switch self {
        case .float32(let v): v
        case .int64(let v): v.map { Float($0) }
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as int64 (truncating floats toward zero, as PyTorch's conversion does).
    var int64s: [Int64] {
        switch self {
        case .float32(let v): v.map { Int64(exactly: $0.rounded(.towardZero)) ?? .min }
        case .int64(let v): v
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as booleans (nonzero is true).
    var bools: [Bool] {
        switch self {
        case .float32(let v): v.map { $0 != 0 }
        case .int64(let v): v.map { $0 != 0 }
        case .bool(let v): v
        }
    }

    /// The elements converted to `dtype`.
    func converted(to dtype: DType) -> TensorStorage {
        switch dtype {
        case .float32: .float32(floats)
        case .int64: .int64(int64s)
        case .bool: .bool(bools)
        }
    }

    /// The elements at the given flat offsets, in order.
    func gather(_ offsets: [Int]) -> TensorStorage {
        switch self {
        case .float32(let v): .float32(offsets.map { v[$0] })
        case .int64(let v): .int64(offsets.map { v[$0] })
        case .bool(let v): .bool(offsets.map { v[$0] })
        }
    }

    /// For each of `outer` blocks of `size * inner` elements, the `inner`-element rows at
    /// `indices`, in order (taking `indices` along the middle dimension of (outer, size, inner)).
    func blocks<Indices: Collection<Int>>(outer: Int, size: Int, inner: Int, indices: Indices) -> TensorStorage {
        func take<T>(_ v: [T]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(outer * indices.count * inner)
            v.withUnsafeBufferPointer { pv in
                guard let src = pv.baseAddress else { return }
                for o in 0..<outer {
                    for i in indices {
                        out.append(contentsOf: UnsafeBufferPointer(start: src + (o * size + i) * inner, count: inner))
                    }
                }
            }
            return out
        }
        switch self {
        case .float32(let v): return .float32(take(v))
        case .int64(let v): return .int64(take(v))
        case .bool(let v): return .bool(take(v))
        }
    }

    /// Element `i` as a Double, for printing and `item()`.
    func double(at i: Int) -> Double {
        switch self {
        case .float32(let v): Double(v[i])
        case .int64(let v): Double(v[i])
        case .bool(let v): v[i] ? 1 : 0
        }
    }
}

/// Arrays of at most this many elements are made by growing an empty array: that code is
/// specialised for the element type, while `init(unsafeUninitializedCapacity:)` and
/// `init(repeating:count:)` call an unspecialised runtime entry that looks up the array
/// type's metadata on every call (a few hundred instructions, more than zeroing a small
/// array costs).
let specialisedArrayLimit = 256

/// Builds a float array of `count` elements written by `fill` (no zero-initialisation for
/// large arrays).
@inline(__always)
func makeFloats(_ count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
    if count <= specialisedArrayLimit {
        var values = filledArray(Float(0), count: count)
        values.withUnsafeMutableBufferPointer { fill($0) }
        return values
    }
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        fill(buffer)
        initialized = count
    }
}

/// `[T](repeating: value, count: count)`, through the specialised path for small counts.
@inline(__always)
func filledArray<T>(_ value: T, count: Int) -> [T] {
    guard count <= specialisedArrayLimit else { return [T](repeating: value, count: count) }
    var values: [T] = []
    values.reserveCapacity(count)
    values.append(contentsOf: repeatElement(value, count: count))
    return values
}

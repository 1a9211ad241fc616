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
    func blocks(outer: Int, size: Int, inner: Int, indices: [Int]) -> TensorStorage {
        func take<T>(_ v: [T]) -> [T] {
            let n = outer * indices.count * inner
            return v.withUnsafeBufferPointer { pv in
                [T](unsafeUninitializedCapacity: n) { out, initialized in
                    guard let src = pv.baseAddress, let dst = out.baseAddress else {
                        initialized = 0
                        return
                    }
                    var k = 0
                    for o in 0..<outer {
                        for i in indices {
                            (dst + k).initialize(from: src + (o * size + i) * inner, count: inner)
                            k += inner
                        }
                    }
                    initialized = k
                }
            }
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

/// Builds a float array of `count` elements written by `fill` (no zero-initialisation).
@inline(__always)
func makeFloats(_ count: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        fill(buffer)
        initialized = count
    }
}

/// The contiguous, row-major elements of a tensor: one Swift array of the dtype's element
/// type (a layout a NumPy array can share: `[Double]` is float64's, `[UInt8]` uint8's).
enum TensorStorage {
    case float32([Float])
    case float64([Double])
    case int64([Int64])
    case int32([Int32])
    case uint8([UInt8])
    case bool([Bool])

    var dtype: DType {
        switch self {
        case .float32: .float32
        case .float64: .float64
        case .int64: .int64
        case .int32: .int32
        case .uint8: .uint8
        case .bool: .bool
        }
    }

    var count: Int {
        switch self {
        case .float32(let v): v.count
        case .float64(let v): v.count
        case .int64(let v): v.count
        case .int32(let v): v.count
        case .uint8(let v): v.count
        case .bool(let v): v.count
        }
    }

    /// An empty storage of `dtype`.
    static func empty(_ dtype: DType) -> TensorStorage {
        switch dtype {
        case .float32: .float32([])
        case .float64: .float64([])
        case .int64: .int64([])
        case .int32: .int32([])
        case .uint8: .uint8([])
        case .bool: .bool([])
        }
    }

    /// The elements as float32 (converting the other dtypes, float64 rounded to nearest).
    var floats: [Float] {
        switch self {
        case .float32(let v): v
        case .float64(let v): v.map { Float($0) }
        case .int64(let v): v.map { Float($0) }
        case .int32(let v): v.map { Float($0) }
        case .uint8(let v): v.map { Float($0) }
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as float64 (exact for every other dtype but int64 beyond 2^53).
    var doubles: [Double] {
        switch self {
        case .float32(let v): v.map { Double($0) }
        case .float64(let v): v
        case .int64(let v): v.map { Double($0) }
        case .int32(let v): v.map { Double($0) }
        case .uint8(let v): v.map { Double($0) }
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as int64 (truncating floats toward zero, as PyTorch's conversion does).
    var int64s: [Int64] {
        switch self {
        case .float32(let v): v.map { DType.truncated(Double($0)) }
        case .float64(let v): v.map { DType.truncated($0) }
        case .int64(let v): v
        case .int32(let v): v.map { Int64($0) }
        case .uint8(let v): v.map { Int64($0) }
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as int32: integers wrap, floats truncate toward zero (out-of-range
    /// floats give Int32.min, as x86's conversion does in PyTorch).
    var int32s: [Int32] {
        switch self {
        case .float32(let v): v.map { DType.truncated32(Double($0)) }
        case .float64(let v): v.map { DType.truncated32($0) }
        case .int64(let v): v.map { Int32(truncatingIfNeeded: $0) }
        case .int32(let v): v
        case .uint8(let v): v.map { Int32($0) }
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as uint8: integers wrap modulo 256, floats truncate to int32 first (so
    /// -1.0 becomes 255, as PyTorch's conversion gives on x86).
    var uint8s: [UInt8] {
        switch self {
        case .float32(let v): v.map { UInt8(truncatingIfNeeded: DType.truncated32(Double($0))) }
        case .float64(let v): v.map { UInt8(truncatingIfNeeded: DType.truncated32($0)) }
        case .int64(let v): v.map { UInt8(truncatingIfNeeded: $0) }
        case .int32(let v): v.map { UInt8(truncatingIfNeeded: $0) }
        case .uint8(let v): v
        case .bool(let v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as booleans (nonzero is true).
    var bools: [Bool] {
        switch self {
        case .float32(let v): v.map { $0 != 0 }
        case .float64(let v): v.map { $0 != 0 }
        case .int64(let v): v.map { $0 != 0 }
        case .int32(let v): v.map { $0 != 0 }
        case .uint8(let v): v.map { $0 != 0 }
        case .bool(let v): v
        }
    }

    /// The elements converted to `dtype`.
    func converted(to dtype: DType) -> TensorStorage {
        if dtype == self.dtype { return self }
        switch dtype {
        case .float32: return .float32(floats)
        case .float64: return .float64(doubles)
        case .int64: return .int64(int64s)
        case .int32: return .int32(int32s)
        case .uint8: return .uint8(uint8s)
        case .bool: return .bool(bools)
        }
    }

    /// Applies an element-type-generic transformation to the array, keeping the dtype.
    func rearranged(_ body: ArrayTransform) -> TensorStorage {
        switch self {
        case .float32(let v): .float32(body.apply(v))
        case .float64(let v): .float64(body.apply(v))
        case .int64(let v): .int64(body.apply(v))
        case .int32(let v): .int32(body.apply(v))
        case .uint8(let v): .uint8(body.apply(v))
        case .bool(let v): .bool(body.apply(v))
        }
    }

    /// The elements at the given flat offsets, in order.
    func gather(_ offsets: [Int]) -> TensorStorage {
        rearranged(GatherTransform(offsets: offsets))
    }

    /// For each of `outer` blocks of `size * inner` elements, the `inner`-element rows at
    /// `indices`, in order (taking `indices` along the middle dimension of (outer, size, inner)).
    func blocks<Indices: Collection<Int>>(outer: Int, size: Int, inner: Int, indices: Indices) -> TensorStorage {
        rearranged(BlockTransform(outer: outer, size: size, inner: inner, indices: indices))
    }

    /// Element `i` as a Double, for printing and `item()`.
    func double(at i: Int) -> Double {
        switch self {
        case .float32(let v): Double(v[i])
        case .float64(let v): v[i]
        case .int64(let v): Double(v[i])
        case .int32(let v): Double(v[i])
        case .uint8(let v): Double(v[i])
        case .bool(let v): v[i] ? 1 : 0
        }
    }

    /// Element `i` as the Python scalar `item()` returns.
    func scalar(at i: Int) -> ScalarValue {
        switch self {
        case .float32(let v): .float(Double(v[i]))
        case .float64(let v): .float(v[i])
        case .int64(let v): .int(v[i])
        case .int32(let v): .int(Int64(v[i]))
        case .uint8(let v): .int(Int64(v[i]))
        case .bool(let v): .bool(v[i])
        }
    }
}

/// A transformation of an array that does not depend on its element type.
protocol ArrayTransform {
    func apply<T>(_ values: [T]) -> [T]
}

struct GatherTransform: ArrayTransform {
    let offsets: [Int]
    func apply<T>(_ values: [T]) -> [T] { offsets.map { values[$0] } }
}

struct BlockTransform<Indices: Collection<Int>>: ArrayTransform {
    let outer: Int, size: Int, inner: Int
    let indices: Indices

    func apply<T>(_ v: [T]) -> [T] {
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
}

extension DType {
    /// A float truncated toward zero to int64; NaN and out-of-range values give Int64.min,
    /// as PyTorch's conversion does on x86.
    static func truncated(_ v: Double) -> Int64 {
        Int64(exactly: v.rounded(.towardZero)) ?? .min
    }

    /// A float truncated toward zero to int32; NaN and out-of-range values give Int32.min.
    static func truncated32(_ v: Double) -> Int32 {
        Int32(exactly: v.rounded(.towardZero)) ?? .min
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
    makeArray(count, fill)
}

/// Builds an array of `count` numbers written by `fill` (no zero-initialisation for large
/// arrays).
@inline(__always)
func makeArray<T: FloatElement>(_ count: Int, _ fill: (UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
    if count <= specialisedArrayLimit {
        var values = filledArray(T(0), count: count)
        values.withUnsafeMutableBufferPointer { fill($0) }
        return values
    }
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
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

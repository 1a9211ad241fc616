import Tensors
import Script

/// NumPy's reductions over axes (`sum`, `mean`, `std`, `max`, `argmax`, `all`, ...), with
/// NumPy's result dtypes and its pairwise summation, so float results match to the last bit.
package enum NumPyReduction: String {
    case sum, prod, mean, std, `var`, max, min, argmax, argmin, all, any

    /// The ufunc name NumPy's errors use.
    var ufuncName: String {
        switch self {
        case .max: "maximum"
        case .min: "minimum"
        case .sum, .prod, .mean, .std, .var, .argmax, .argmin, .all, .any: rawValue
        }
    }

    /// The ufunc whose reduction NumPy names in `out=` errors (`mean` sums with `add`).
    var outputUfuncName: String {
        switch self {
        case .sum, .mean, .std, .var: "add"
        case .prod: "multiply"
        case .max: "maximum"
        case .min: "minimum"
        case .all: "logical_and"
        case .any: "logical_or"
        case .argmax, .argmin: rawValue
        }
    }

    /// The axes `axes` reduces of an array of `rank` (all of them for nil), sorted.
    func reducedAxes(rank: Int, axes: [Int]?, _ interpreter: Interpreter) throws(ScriptError) -> [Int] {
        guard let axes else { return Array(0..<rank) }
        if rank == 0 { return [] }
        return try axes.map { (a) throws(ScriptError) in try NumPyShapes.axis(a, rank: rank, interpreter) }.sorted()
    }

    /// Whether this is a ufunc's `reduce` (which takes axis 0 of a 0-d array); `mean`, `std`
    /// and `var` count their axes first and refuse it.
    var ufuncReduce: Bool {
        switch self {
        case .sum, .prod, .max, .min, .all, .any, .argmax, .argmin: true
        case .mean, .std, .var: false
        }
    }

    /// Reduces `array` over `axes` (nil: all of them).
    package func apply(_ array: NDArray, axes: [Int]?, keepDims: Bool, ddof: Int = 0, _ interpreter: Interpreter) throws(ScriptError) -> NDArray {
        let rank = array.rank
        var reduced: [Int]
        if rank == 0, let axes, ufuncReduce, axes.allSatisfy({ $0 == 0 || $0 == -1 }) {
            // NumPy's reductions accept axis 0 (or -1) of a 0-d array, as if it had one element.
            reduced = []
        } else if let axes {
            reduced = []
            for a in axes {
                let n = try NumPyShapes.axis(a, rank: rank, interpreter)
                if reduced.contains(n) { throw .valueError("duplicate value in 'axis'") }
                reduced.append(n)
            }
            reduced.sort()
        } else {
            reduced = Array(0..<rank)
        }
        let kept = (0..<rank).filter { !reduced.contains($0) }
        let dims = array.dims
        let n = reduced.reduce(1) { $0 * dims[$1] }
        let outer = kept.reduce(1) { $0 * dims[$1] }
        let order = kept + reduced
        let moved = order == Array(0..<rank) ? array.tensor : try tensorCall { () throws(TensorError) in try array.tensor.permute(order) }
        let values = moved.isContiguous ? moved.elementArray : NumPyStridedCopy.elements(of: moved)
        // NumPy sums contiguous rows pairwise, and strided reductions element by element.
        let pairwise = reduced.isEmpty || reduced.last == rank - 1 && reduced == Array((rank - reduced.count)..<rank)
        var outDims = kept.map { dims[$0] }
        if keepDims { outDims = (0..<rank).map { reduced.contains($0) ? 1 : dims[$0] } }
        if n == 0 {
            switch self {
            case .max, .min:
                throw .valueError("zero-size array to reduction operation \(ufuncName) which has no identity")
            case .argmax, .argmin:
                throw .valueError("attempt to get \(rawValue) of an empty sequence")
            case .sum, .prod, .mean, .std, .var, .all, .any: break
            }
        }
        let out: ElementArray
        switch self {
        case .sum, .prod:
            let dtype = try accumulationType(array.dtype)
            switch values.converted(to: dtype) {
            case .float64(let v): out = .float64(rows(v, outer, n) { self == .sum ? NumPyReduction.sum($0, pairwise: pairwise) : $0.reduce(1, *) })
            case .float32(let v): out = .float32(rows(v, outer, n) { self == .sum ? NumPyReduction.sum($0, pairwise: pairwise) : $0.reduce(1, *) })
            case .int64(let v): out = .int64(rows(v, outer, n) { self == .sum ? $0.reduce(0, &+) : $0.reduce(1, &*) })
            case .int32, .uint8, .bool: throw .typeError("unsupported accumulation")
            }
        case .mean, .std, .var:
            let dtype: DType = array.dtype.isFloatingPoint ? array.dtype : .float64
            switch values.converted(to: dtype) {
            case .float64(let v): out = .float64(rows(v, outer, n) { moment($0, pairwise: pairwise, ddof: ddof) })
            case .float32(let v): out = .float32(rows(v, outer, n) { moment($0, pairwise: pairwise, ddof: ddof) })
            case .int64, .int32, .uint8, .bool: throw .typeError("unsupported mean")
            }
        case .max, .min:
            let larger = self == .max
            switch values {
            case .float64(let v): out = .float64(rows(v, outer, n) { NumPyReduction.extreme($0, larger) })
            case .float32(let v): out = .float32(rows(v, outer, n) { NumPyReduction.extreme($0, larger) })
            case .int64(let v): out = .int64(rows(v, outer, n) { (larger ? $0.max() : $0.min()) ?? 0 })
            case .int32(let v): out = .int32(rows(v, outer, n) { (larger ? $0.max() : $0.min()) ?? 0 })
            case .uint8(let v): out = .uint8(rows(v, outer, n) { (larger ? $0.max() : $0.min()) ?? 0 })
            case .bool(let v): out = .bool(rows(v, outer, n) { larger ? $0.contains(true) : !$0.contains(false) })
            }
        case .argmax, .argmin:
            let larger = self == .argmax
            switch values.converted(to: array.dtype == .float32 ? .float32 : .float64) {
            case .float64(let v): out = .int64(rows(v, outer, n) { NumPyReduction.position($0, larger) })
            case .float32(let v): out = .int64(rows(v, outer, n) { NumPyReduction.position($0, larger) })
            case .int64, .int32, .uint8, .bool: throw .typeError("unsupported argmax")
            }
        case .all, .any:
            guard case .bool(let v) = values.converted(to: .bool) else { throw .typeError("unsupported all") }
            out = .bool(rows(v, outer, n) { self == .all ? !$0.contains(false) : $0.contains(true) })
        }
        return try NDArray(out, outDims)
    }

    /// NumPy's dtype for `sum` and `prod`: small integers and booleans accumulate in int64.
    private func accumulationType(_ dtype: DType) throws(ScriptError) -> DType {
        switch dtype {
        case .float32, .float64, .int64: return dtype
        case .int32, .bool: return .int64
        case .uint8:
            throw .typeError("the \(rawValue) of a uint8 array is uint64 in NumPy, which Recur's numpy does not provide (it provides \(NumPyDTypes.providedList)); convert first with astype(np.int64)")
        }
    }

    private func rows<T, R>(_ v: [T], _ outer: Int, _ n: Int, _ body: (ArraySlice<T>) -> R) -> [R] {
        (0..<outer).map { body(v[($0 * n)..<($0 * n + n)]) }
    }

    /// NumPy's `pairwise_sum` (blocks of 128 summed in eight lanes), or a running sum.
    static func sum<T: BinaryFloatingPoint>(_ v: ArraySlice<T>, pairwise: Bool) -> T {
        guard pairwise else { return v.reduce(0, +) }
        return v.withUnsafeBufferPointer { NumPyKernels.pairwiseSum($0) }
    }

    /// The mean (`mean`), or NumPy's two-pass variance / standard deviation.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    private func moment<T: BinaryFloatingPoint>(_ v: ArraySlice<T>, pairwise: Bool, ddof: Int) -> T {
        let count = T(v.count)
        let mean = NumPyReduction.sum(v, pairwise: pairwise) / count
        if self == .mean { return mean }
        let squares = [T](unsafeUninitializedCapacity: v.count) { out, written in
            v.withUnsafeBufferPointer { p in
                for i in 0..<p.count {
                    let d = p[i] - mean
                    out.initializeElement(at: i, to: d * d)
                }
            }
            written = v.count
        }
        let variance = NumPyReduction.sum(squares[...], pairwise: pairwise) / T(Swift.max(v.count - ddof, 0))
        return self == .std ? variance.squareRoot() : variance
    }

    /// The largest (or smallest) element; NaN wins, as NumPy's `maximum` propagates it. Of
    /// equal zeros the last is kept, as NumPy's reduction keeps it (`max([-0.0, 0.0])` is 0.0).
    static func extreme<T: BinaryFloatingPoint>(_ v: ArraySlice<T>, _ larger: Bool) -> T {
        let value = v.withUnsafeBufferPointer { NumPyKernels.extremeValue($0, largest: larger) }
        guard value == 0 else { return value }
        return v.last { $0 == 0 } ?? value
    }

    /// The first position of the largest (or smallest) element; the first NaN if any.
    package static func position<T: BinaryFloatingPoint>(_ v: ArraySlice<T>, _ larger: Bool) -> Int64 {
        Int64(v.withUnsafeBufferPointer { NumPyKernels.extremePosition($0, largest: larger) })
    }
}

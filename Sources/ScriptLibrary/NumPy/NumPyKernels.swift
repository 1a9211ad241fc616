import CNumPy
import Tensors
import Script

/// The loops NumPy's common operations spend their time in, over contiguous buffers (which
/// LLVM vectorises): arithmetic and comparisons of equal-shaped arrays or an array and one
/// element, pairwise sums, extremes.
package enum NumPyKernels {
    /// `a op b` when both hold the same number of elements or one holds a single element
    /// (the shapes were checked to broadcast); nil for dtypes this path does not take.
    static func arithmetic(_ op: ArithmeticOp, _ a: ElementArray, _ b: ElementArray) -> ElementArray? {
        switch (a, b) {
        case (.float64(let x), .float64(let y)): return .float64(floating(op, x, y, recur_numpy_arith_f64))
        case (.float32(let x), .float32(let y)): return .float32(floating(op, x, y, recur_numpy_arith_f32))
        case (.int64(let x), .int64(let y)) where op != .div:
            return .int64(combined(x, y) { p, q in op == .add ? p &+ q : op == .sub ? p &- q : p &* q })
        default: return nil
        }
    }

    /// Float arithmetic in `CNumPy`'s loops, compiled for the processor's widest vectors.
    private static func floating<T>(_ op: ArithmeticOp, _ x: [T], _ y: [T],
                                    _ loop: (UnsafePointer<T>?, Int, UnsafePointer<T>?, Int, UnsafeMutablePointer<T>?, Int, Int32) -> Void) -> [T] {
        let code: Int32
        switch op {
        case .add: code = 0
        case .sub: code = 1
        case .mul: code = 2
        case .div: code = 3
        }
        return vectorLoop(x, y) { p, q, out, n in loop(p.baseAddress, p.count, q.baseAddress, q.count, out.baseAddress, n, code) }
    }

    /// An array of `n` results written by `body` from both operands (`n` is the larger count;
    /// one element pairs with every other), or empty when the counts cannot pair.
    private static func vectorLoop<T, R>(_ x: [T], _ y: [T], _ body: (UnsafeBufferPointer<T>, UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<R>, Int) -> Void) -> [R] {
        let n = x.count == 1 ? y.count : x.count
        guard x.count == y.count || x.count == 1 || y.count == 1 else { return [] }
        return [R](unsafeUninitializedCapacity: n) { out, count in
            x.withUnsafeBufferPointer { p in
                y.withUnsafeBufferPointer { q in body(p, q, out, n) }
            }
            count = n
        }
    }

    /// `body` applied element by element, an operand of one element paired with every other.
    @inline(__always)
    package static func combined<T, R>(_ x: [T], _ y: [T], _ body: (T, T) -> R) -> [R] {
        // One element against an empty operand broadcasts to nothing.
        let n = x.count == 1 ? y.count : x.count
        guard x.count == y.count || x.count == 1 || y.count == 1 else { return [] }
        return [R](unsafeUninitializedCapacity: n) { out, count in
            x.withUnsafeBufferPointer { p in
                y.withUnsafeBufferPointer { q in
                    if p.count == q.count {
                        for i in 0..<n { out.initializeElement(at: i, to: body(p[i], q[i])) }
                    } else if n == 0 {
                        return
                    } else if q.count == 1 {
                        let s = q[0]
                        for i in 0..<n { out.initializeElement(at: i, to: body(p[i], s)) }
                    } else {
                        let s = p[0]
                        for i in 0..<n { out.initializeElement(at: i, to: body(s, q[i])) }
                    }
                }
            }
            count = n
        }
    }

    /// A comparison of equal-dtype operands as booleans; nil for dtypes this path does not take.
    package static func compare(_ op: ComparisonOp, _ a: ElementArray, _ b: ElementArray) -> [Bool]? {
        switch (a, b) {
        case (.float64(let x), .float64(let y)): return vectorCompare(op, x, y, recur_numpy_compare_f64)
        case (.float32(let x), .float32(let y)): return vectorCompare(op, x, y, recur_numpy_compare_f32)
        case (.int64(let x), .int64(let y)): return ordered(op, x, y)
        default: return nil
        }
    }

    /// A float comparison in `CNumPy`'s vector loops, which write Swift's one-byte `Bool`s.
    private static func vectorCompare<T>(_ op: ComparisonOp, _ x: [T], _ y: [T],
                                         _ loop: (UnsafePointer<T>?, Int, UnsafePointer<T>?, Int, UnsafeMutablePointer<UInt8>?, Int, Int32) -> Void) -> [Bool] {
        let code: Int32
        switch op {
        case .eq: code = 0
        case .ne: code = 1
        case .lt: code = 2
        case .le: code = 3
        case .gt: code = 4
        case .ge: code = 5
        }
        return vectorLoop(x, y) { (p, q, out: UnsafeMutableBufferPointer<Bool>, n) in
            out.withMemoryRebound(to: UInt8.self) { bytes in loop(p.baseAddress, p.count, q.baseAddress, q.count, bytes.baseAddress, n, code) }
        }
    }

    private static func ordered<T: Comparable>(_ op: ComparisonOp, _ x: [T], _ y: [T]) -> [Bool] {
        switch op {
        case .eq: combined(x, y, ==)
        case .ne: combined(x, y, !=)
        case .lt: combined(x, y, <)
        case .le: combined(x, y, <=)
        case .gt: combined(x, y, >)
        case .ge: combined(x, y, >=)
        }
    }

    /// NumPy's `pairwise_sum`: below 8 elements in order, up to 128 in eight lanes, above
    /// that the two halves (the first a multiple of 8 long) summed separately.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    static func pairwiseSum<T: BinaryFloatingPoint>(_ p: UnsafeBufferPointer<T>) -> T {
        let n = p.count
        if n < 8 {
            var result: T = 0
            for x in p { result += x }
            return result
        }
        if n <= 128 {
            var r0 = p[0], r1 = p[1], r2 = p[2], r3 = p[3], r4 = p[4], r5 = p[5], r6 = p[6], r7 = p[7]
            var i = 8
            let end = n - n % 8
            while i < end {
                r0 += p[i]; r1 += p[i + 1]; r2 += p[i + 2]; r3 += p[i + 3]
                r4 += p[i + 4]; r5 += p[i + 5]; r6 += p[i + 6]; r7 += p[i + 7]
                i += 8
            }
            var result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
            while i < n {
                result += p[i]
                i += 1
            }
            return result
        }
        var half = n / 2
        half -= half % 8
        return pairwiseSum(UnsafeBufferPointer(rebasing: p[0..<half])) + pairwiseSum(UnsafeBufferPointer(rebasing: p[half...]))
    }

    /// The first position of the largest (or smallest) element; the first NaN's if any
    /// (NumPy's `maximum` and `argmax` propagate NaN). Of 0.0 and -0.0 the first wins.
    static func extremePosition<T: BinaryFloatingPoint>(_ p: UnsafeBufferPointer<T>, largest: Bool) -> Int {
        guard let base = p.baseAddress, p.count > 1 else { return 0 }
        let n = p.count
        let found: Int
        if T.self == Float.self {
            found = recur_numpy_arg_extreme_f32(UnsafeRawPointer(base).assumingMemoryBound(to: Float.self), n, largest ? 1 : 0)
        } else if T.self == Double.self {
            found = recur_numpy_arg_extreme_f64(UnsafeRawPointer(base).assumingMemoryBound(to: Double.self), n, largest ? 1 : 0)
        } else {
            var best = p[0], at = 0
            for i in 1..<n where !best.isNaN && (largest ? !(p[i] <= best) : !(p[i] >= best)) {
                best = p[i]
                at = i
            }
            found = at
        }
        return Swift.max(0, Swift.min(found, n - 1))
    }

    /// The largest (or smallest) element, NaN if any (one pass over vector lanes).
    static func extremeValue<T: BinaryFloatingPoint>(_ p: UnsafeBufferPointer<T>, largest: Bool) -> T {
        guard let base = p.baseAddress, p.count > 0 else { return 0 }
        if T.self == Float.self {
            return T(recur_numpy_extreme_f32(UnsafeRawPointer(base).assumingMemoryBound(to: Float.self), p.count, largest ? 1 : 0))
        }
        if T.self == Double.self {
            return T(recur_numpy_extreme_f64(UnsafeRawPointer(base).assumingMemoryBound(to: Double.self), p.count, largest ? 1 : 0))
        }
        return p[extremePosition(p, largest: largest)]
    }

    /// `np.maximum` / `np.minimum` of equal-dtype operands (NaN propagates); nil for dtypes
    /// or shapes this path does not take.
    static func extreme(_ a: ElementArray, _ b: ElementArray, largest: Bool) -> ElementArray? {
        func pick<T: BinaryFloatingPoint>(_ x: [T], _ y: [T]) -> [T] {
            largest ? combined(x, y) { p, q in p != p || q != q ? p + q : (p > q ? p : q) }
                : combined(x, y) { p, q in p != p || q != q ? p + q : (p < q ? p : q) }
        }
        switch (a, b) {
        case (.float64(let x), .float64(let y)): return .float64(pick(x, y))
        case (.float32(let x), .float32(let y)): return .float32(pick(x, y))
        case (.int64(let x), .int64(let y)): return .int64(largest ? combined(x, y, Swift.max) : combined(x, y, Swift.min))
        default: return nil
        }
    }
}

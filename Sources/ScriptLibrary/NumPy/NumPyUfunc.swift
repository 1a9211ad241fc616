import CNumPy
import Glibc
import Tensors
import Script

/// NumPy's one-argument ufuncs: floats keep their precision, integers compute in float64.
package enum NumPyUfunc: String, CaseIterable {
    case sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh, exp, expm1, log, log2, log10, log1p, sqrt
    case abs, absolute, floor, ceil, trunc, rint, sign, square, negative, isnan, isinf, isfinite

    /// The ufunc's name in NumPy's errors (`abs` is `absolute`).
    var ufuncName: String { self == .abs ? "absolute" : rawValue }

    package func apply(_ a: NDArray) throws(ScriptError) -> NDArray {
        switch self {
        case .isnan, .isinf, .isfinite:
            let test: (Double) -> Bool = self == .isnan ? { $0.isNaN } : self == .isinf ? { $0.isInfinite } : { $0.isFinite }
            switch a.elements {
            case .float64(let v): return try NDArray(.bool(v.map(test)), a.dims)
            case .float32(let v): return try NDArray(.bool(v.map { test(Double($0)) }), a.dims)
            case .int64, .int32, .uint8, .bool: return try NDArray(.bool([Bool](repeating: self == .isfinite, count: a.count)), a.dims)
            }
        case .abs, .absolute, .sign, .square, .negative, .floor, .ceil, .trunc, .rint:
            // These keep integer dtypes.
            switch a.elements {
            case .float64(let v): return try NDArray(.float64(exact(v)), a.dims)
            case .float32(let v): return try NDArray(.float32(exact(v)), a.dims)
            case .bool where [.abs, .absolute, .floor, .ceil, .trunc, .rint].contains(self):
                return a.copied()
            case .bool where self == .square:
                throw NumPyOperations.int8Result(.power)
            case .bool where self == .negative:
                throw .typeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
            case .bool where self == .sign:
                throw .typeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
            case .int64, .int32, .uint8, .bool:
                return try a.mappingIntegers { x in
                    switch self {
                    case .abs, .absolute: x < 0 ? 0 &- x : x
                    case .sign: x > 0 ? 1 : x < 0 ? -1 : 0
                    case .square: x &* x
                    case .negative: 0 &- x
                    default: x
                    }
                }
            }
        default:
            switch a.dtype {
            case .float32:
                guard case .float32(let v) = a.elements else { return a }
                if self == .exp { return try NDArray(.float32(NumPyUfunc.exponential(v, recur_numpy_exp_f32)), a.dims) }
                if self == .sin || self == .cos, let out = NumPyUfunc.trigonometric(v, cosine: self == .cos) {
                    return try NDArray(.float32(out), a.dims)
                }
                return try NDArray(.float32(mapped(v)), a.dims)
            case .float64, .int64, .int32:
                guard case .float64(let v) = a.elements.converted(to: .float64) else { return a }
                if self == .exp { return try NDArray(.float64(NumPyUfunc.exponential(v, recur_numpy_exp_f64)), a.dims) }
                return try NDArray(.float64(mapped(v)), a.dims)
            case .uint8, .bool:
                throw .typeError("np.\(rawValue) of a \(a.dtype.name) array is float16 in NumPy, which Recur's numpy does not provide (it provides \(NumPyDTypes.providedList)); convert first with astype(np.float32)")
            }
        }
    }

    /// `np.exp` through NumPy's own vector routine (`CNumPy`), not the C library's, with the
    /// flags that routine sets itself: overflow for inputs past its largest (its arithmetic
    /// saturates without the flag), underflow below its smallest, and nothing for a NaN (its
    /// comparisons are quiet).
    static func exponential<T>(_ v: [T], _ routine: (UnsafePointer<T>?, UnsafeMutablePointer<T>?, Int) -> Int32) -> [T] {
        [T](unsafeUninitializedCapacity: v.count) { buffer, count in
            let flags = v.withUnsafeBufferPointer { source in routine(source.baseAddress, buffer.baseAddress, v.count) }
            recur_numpy_fp_lower(NumPyFloatError.invalid.flag)
            recur_numpy_fp_raise(flags)
            count = v.count
        }
    }

    /// float32 `np.sin`/`np.cos` through NumPy's own routine (`CNumPy`), whose last bit is not
    /// the C library's; nil without fused multiply-adds, where NumPy calls the C library too.
    static func trigonometric(_ v: [Float], cosine: Bool) -> [Float]? {
        var done: Int32 = 0
        let out = [Float](unsafeUninitializedCapacity: v.count) { buffer, count in
            done = v.withUnsafeBufferPointer { source in
                recur_numpy_trigonometric_f32(source.baseAddress, buffer.baseAddress, v.count, cosine ? 1 : 0)
            }
            count = done != 0 ? v.count : 0
        }
        return done != 0 ? out : nil
    }

    /// The functions whose result is exact in the element's own precision (no rounding but
    /// the one IEEE operation), in loops LLVM vectorises.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func exact<T: BinaryFloatingPoint>(_ v: [T]) -> [T] {
        if let op = vectorOp {
            // Swift's baseline target has no rounding instruction and leaves these loops
            // scalar; the C loops are compiled for AVX2.
            if let floats = v as? [Float] {
                let out = [Float](unsafeUninitializedCapacity: floats.count) { buffer, count in
                    floats.withUnsafeBufferPointer { p in
                        if let from = p.baseAddress, let to = buffer.baseAddress { recur_numpy_exact_f32(from, to, p.count, op) }
                    }
                    count = floats.count
                }
                if let result = out as? [T] { return result }
            } else if let doubles = v as? [Double] {
                let out = [Double](unsafeUninitializedCapacity: doubles.count) { buffer, count in
                    doubles.withUnsafeBufferPointer { p in
                        if let from = p.baseAddress, let to = buffer.baseAddress { recur_numpy_exact_f64(from, to, p.count, op) }
                    }
                    count = doubles.count
                }
                if let result = out as? [T] { return result }
            }
        }
        switch self {
        case .sqrt: return NumPyUfunc.loop(v) { $0.squareRoot() }
        case .abs, .absolute: return NumPyUfunc.loop(v) { Swift.abs($0) }
        case .negative: return NumPyUfunc.loop(v) { -$0 }
        case .square: return NumPyUfunc.loop(v) { $0 * $0 }
        case .floor: return NumPyUfunc.loop(v) { $0.rounded(.down) }
        case .ceil: return NumPyUfunc.loop(v) { $0.rounded(.up) }
        case .trunc: return NumPyUfunc.loop(v) { $0.rounded(.towardZero) }
        case .rint: return NumPyUfunc.loop(v) { $0.rounded(.toNearestOrEven) }
        case .sign: return NumPyUfunc.loop(v) { $0.isNaN ? $0 : $0 > 0 ? 1 : $0 < 0 ? -1 : 0 }
        default: return v.map { T(value(Double($0))) }
        }
    }

    /// The operation code of `recur_numpy_exact_f32` for this function, if it has one.
    private var vectorOp: Int32? {
        switch self {
        case .sqrt: 0
        case .floor: 1
        case .ceil: 2
        case .trunc: 3
        case .rint: 4
        default: nil
        }
    }

    @inline(__always)
    package static func loop<T>(_ v: [T], _ body: (T) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: v.count) { out, written in
            v.withUnsafeBufferPointer { p in
                for i in 0..<p.count { out.initializeElement(at: i, to: body(p[i])) }
            }
            written = v.count
        }
    }

    /// The function over a whole array, chosen once so each loop is a direct call (float32
    /// computes in float64 and rounds once; square root and abs are exact either way).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package func mapped<T: BinaryFloatingPoint>(_ v: [T]) -> [T] {
        switch self {
        case .sqrt: return exact(v)
        case .abs, .absolute: return exact(v)
        case .exp: return v.map { T(Glibc.exp(Double($0))) }
        case .log: return v.map { T(Glibc.log(Double($0))) }
        case .tanh: return v.map { T(Glibc.tanh(Double($0))) }
        case .sin: return v.map { T(Glibc.sin(Double($0))) }
        case .cos: return v.map { T(Glibc.cos(Double($0))) }
        default: return v.map { T(value(Double($0))) }
        }
    }

    package func value(_ x: Double) -> Double {
        switch self {
        case .sin: Glibc.sin(x)
        case .cos: Glibc.cos(x)
        case .tan: Glibc.tan(x)
        case .arcsin: Glibc.asin(x)
        case .arccos: Glibc.acos(x)
        case .arctan: Glibc.atan(x)
        case .sinh: Glibc.sinh(x)
        case .cosh: Glibc.cosh(x)
        case .tanh: Glibc.tanh(x)
        case .exp: Glibc.exp(x)
        case .expm1: Glibc.expm1(x)
        case .log: Glibc.log(x)
        case .log2: Glibc.log2(x)
        case .log10: Glibc.log10(x)
        case .log1p: Glibc.log1p(x)
        case .sqrt: x.squareRoot()
        case .abs, .absolute: Swift.abs(x)
        case .floor: x.rounded(.down)
        case .ceil: x.rounded(.up)
        case .trunc: x.rounded(.towardZero)
        case .rint: x.rounded(.toNearestOrEven)
        case .sign: x.isNaN ? .nan : x > 0 ? 1 : x < 0 ? -1 : 0
        case .square: x * x
        case .negative: -x
        case .isnan, .isinf, .isfinite: x
        }
    }
}

extension NDArray {
    /// Maps integer elements through int64 and back to this dtype (wrapping).
    func mappingIntegers(_ body: (Int64) -> Int64) throws(ScriptError) -> NDArray {
        guard case .int64(let v) = elements.converted(to: .int64) else { return self }
        return try NDArray(ElementArray.int64(v.map(body)).converted(to: dtype == .bool ? .int64 : dtype), dims)
    }
}

import Glibc

/// A parameter element type the optimizers update (float32 or float64), with the fused
/// multiply-adds of ATen's kernels: float32 through `VectorMath` (bit for bit with ATen's
/// AVX2 build), float64 through `fma`, as `Vectorized<double>::fmadd` computes.
protocol OptimizerElement: FloatElement {
    /// `out = alpha * x + y` over `count` elements (`out` may be `y`).
    static func scaledAdd(_ alpha: Self, _ x: UnsafePointer<Self>, _ y: UnsafePointer<Self>, into out: UnsafeMutablePointer<Self>, count: Int)
    /// `out = a * b + c` over `count` elements (`out` may be `c`).
    static func multiplyAdd(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, _ c: UnsafePointer<Self>, into out: UnsafeMutablePointer<Self>, count: Int)
}

extension OptimizerElement {
    /// `alpha * x + y` over two arrays of equal length, as a new array.
    static func scaledAdd(_ alpha: Self, _ x: [Self], _ y: [Self]) -> [Self] {
        let n = Swift.min(x.count, y.count)
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                makeArray(n) { out in
                    guard let a = px.baseAddress, let b = py.baseAddress, let o = out.baseAddress else { return }
                    scaledAdd(alpha, a, b, into: o, count: n)
                }
            }
        }
    }
}

extension Float: OptimizerElement {
    static func scaledAdd(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        VectorMath.scaledAdd(alpha, x, y, into: out, count: count)
    }
    static func multiplyAdd(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        VectorMath.multiplyAdd(a, b, c, into: out, count: count)
    }
}

extension Double: OptimizerElement {
    static func scaledAdd(_ alpha: Double, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { out[i] = Glibc.fma(alpha, x[i], y[i]) }
    }
    static func multiplyAdd(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { out[i] = Glibc.fma(a[i], b[i], c[i]) }
    }
}

extension Tensor {
    /// Mutates the elements as `T` (the tensor's own float dtype) in place, without a copy
    /// of the buffer when it is dense; `mutateFloats` for float32.
    func mutateValues<T: FloatElement>(_ body: (inout [T]) -> Void) {
        var values = T.values(of: self)
        if layout == nil, T.dtype == dtype {
            // Take the elements out of the storage so `values` is uniquely held.
            mutateBuffer { elements in
                elements = .bool([])
                body(&values)
                elements = T.storage(values)
            }
            return
        }
        body(&values)
        overwrite(with: T.storage(values))
    }
}

import Glibc

/// A floating-point element type of a tensor (Float for float32, Double for float64): the
/// kernels and gradients written once for both go through it, specialised by the compiler,
/// so the float32 paths cost what they did when they were written for Float alone.
protocol FloatElement: BinaryFloatingPoint, Sendable, SumLanes where RawSignificand: FixedWidthInteger, Element == Self {
    /// The tensor dtype holding this type.
    static var dtype: DType { get }
    /// A storage holding `values`.
    static func storage(_ values: [Self]) -> TensorStorage
    /// `tensor`'s elements row-major, converted to this type.
    static func values(of tensor: Tensor) -> [Self]
    /// `storage`'s elements as this type (no copy when it holds this type).
    static func elements(_ storage: TensorStorage) -> [Self]
    /// ATen's 32-byte `Vectorized` of this type, what its cascade sum accumulates in (see
    /// `CascadeSum`).
    associatedtype SumVector: SumLanes where SumVector.Element == Self
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    static func tanh(_ x: Self) -> Self
    /// softmax (or log_softmax) of contiguous rows by ATen's last-dimension kernel, where
    /// Recur reproduces it bit for bit (float32); nil leaves it to the generic loops.
    static func normalizedRows(_ x: [Self], rows: Int, size: Int, log: Bool) -> [Self]?
    /// The backward kernel of `normalizedRows`, from the output's gradient and the output.
    static func normalizedRowsBackward(gradient: [Self], output: [Self], rows: Int, size: Int, log: Bool) -> [Self]?
    /// `C = op(A) * op(B)` over dense row-major matrices.
    static func gemm(
        _ a: UnsafePointer<Self>, transposeA: Bool, _ b: UnsafePointer<Self>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Self>, m: Int, n: Int, k: Int
    )
}

extension FloatElement {
    /// `op(A) * op(B)` over arrays, as a new array of m*n elements.
    static func product(_ a: [Self], transposeA: Bool, _ b: [Self], transposeB: Bool, m: Int, n: Int, k: Int) -> [Self] {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress, k > 0 else { return filledArray(Self(0), count: m * n) }
                return makeArray(m * n) { out in
                    guard let c = out.baseAddress else { return }
                    gemm(x, transposeA: transposeA, y, transposeB: transposeB, c, m: m, n: n, k: k)
                }
            }
        }
    }
}

extension Float: FloatElement {
    static var dtype: DType { .float32 }
    static func storage(_ values: [Float]) -> TensorStorage { .float32(values) }
    static func values(of tensor: Tensor) -> [Float] { tensor.floats }
    static func elements(_ storage: TensorStorage) -> [Float] { storage.floats }
    typealias SumVector = SIMD8<Float>
    static func exp(_ x: Float) -> Float { expf(x) }
    static func log(_ x: Float) -> Float { logf(x) }
    static func log1p(_ x: Float) -> Float { log1pf(x) }
    static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    static func tanh(_ x: Float) -> Float { tanhf(x) }
    static func normalizedRows(_ x: [Float], rows: Int, size: Int, log: Bool) -> [Float]? {
        VectorMath.rows(log ? VectorMath.logSoftmaxRows : VectorMath.softmaxRows, x, rows: rows, size: size)
    }
    static func normalizedRowsBackward(gradient: [Float], output: [Float], rows: Int, size: Int, log: Bool) -> [Float]? {
        let kernel = log ? VectorMath.logSoftmaxBackwardRows : VectorMath.softmaxBackwardRows
        return VectorMath.rowsBackward(kernel, gradient: gradient, output: output, rows: rows, size: size)
    }
    static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int
    ) {
        BLAS.gemm(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k)
    }
}

extension Double: FloatElement {
    static var dtype: DType { .float64 }
    static func storage(_ values: [Double]) -> TensorStorage { .float64(values) }
    static func values(of tensor: Tensor) -> [Double] { tensor.doubles }
    static func elements(_ storage: TensorStorage) -> [Double] { storage.doubles }
    typealias SumVector = SIMD4<Double>
    static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    static func log(_ x: Double) -> Double { Glibc.log(x) }
    static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    static func normalizedRows(_ x: [Double], rows: Int, size: Int, log: Bool) -> [Double]? { nil }
    static func normalizedRowsBackward(gradient: [Double], output: [Double], rows: Int, size: Int, log: Bool) -> [Double]? { nil }
    /// float64 products go through BLAS's dgemm, except one-deep ones (outer products), which
    /// multiply element by element as PyTorch does, keeping a -0 (see BLAS.gemm).
    static func gemm(
        _ a: UnsafePointer<Double>, transposeA: Bool, _ b: UnsafePointer<Double>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int
    ) {
        if k == 1 {
            let aRow = transposeA ? 1 : k
            let bCol = transposeB ? k : 1
            for i in 0..<m {
                for j in 0..<n { c[i * n + j] = a[i * aRow] * b[j * bCol] }
            }
            return
        }
        BLAS.dgemm(a, transposeA: transposeA, b, transposeB: transposeB, c, m: m, n: n, k: k)
    }
}

extension Tensor {
    /// A tensor of `shape` holding `values` in their dtype.
    convenience init<T: FloatElement>(shape: Shape, values: [T]) {
        self.init(shape: shape, storage: T.storage(values))
    }
}

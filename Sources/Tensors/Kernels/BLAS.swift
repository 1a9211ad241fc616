import CBLAS

/// Thin, typed entry points into OpenBLAS.
enum BLAS {
    /// `C = alpha * op(A) * op(B) + beta * C` over row-major float32 buffers.
    static func sgemm(
        transposeA: Bool, transposeB: Bool,
        m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            alpha, a, Int32(lda), b, Int32(ldb),
            beta, c, Int32(ldc))
    }
}

extension BLAS {
    /// `C = alpha * op(A) * op(B) + beta * C` where each matrix is dense row-major, so leading
    /// dimensions follow from the shapes; zero-sized products only scale C.
    static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, alpha: Float = 1, beta: Float = 0
    ) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<(m * n) { c[i] = beta == 0 ? 0 : c[i] * beta }
            return
        }
        sgemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: alpha, a: a, lda: transposeA ? m : k, b: b, ldb: transposeB ? k : n,
            beta: beta, c: c, ldc: n)
    }

    /// `op(A) * op(B)` over arrays, as a new array of m*n elements.
    static func product(
        _ a: [Float], transposeA: Bool, _ b: [Float], transposeB: Bool, m: Int, n: Int, k: Int
    ) -> [Float] {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var c = [Float](repeating: 0, count: m * n)
                c.withUnsafeMutableBufferPointer { pc in
                    if let ca = pa.baseAddress, let cb = pb.baseAddress, let cc = pc.baseAddress {
                        gemm(ca, transposeA: transposeA, cb, transposeB: transposeB, cc, m: m, n: n, k: k)
                    }
                }
                return c
            }
        }
    }
}
